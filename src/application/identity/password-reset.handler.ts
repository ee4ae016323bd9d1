import { isDomainError, unauthorized } from '../../domain/shared/domain-error';
import type { CommandContext } from '../shared/command-context';
import type { Mailer } from '../shared/ports/mailer.port';
import type { SmsSender } from '../shared/ports/sms-sender.port';
import { EMAIL_SCOPE, identifierKey, type LoginIdentifier } from './identity-keys';
import { minutesOf, type IssuedCode, type OneTimeCodes } from './one-time-codes';
import { assertPasswordPolicy } from './password-rules';
import type { ProfileHandler } from './profile.handler';
import type { AttemptGuard } from './rate-limits';
import type { UserAccounts } from './user-accounts';
import type { ExistingUser } from './user-view';

export interface PasswordResetSettings {
  readonly codeTtlSeconds: number;
  /** The client's reset page; the mail links to it with `?code=...&email=...`. */
  readonly resetUrl: string | undefined;
  readonly defaultCountryCode: string;
  /** A delivery that failed: the caller is not told (it would reveal the account), the operators are. */
  readonly onDeliveryFailure: (error: unknown) => void;
}

/**
 * One answer for every failed confirmation (unknown account, no code, wrong, expired or used-up code), so the
 * confirmation cannot tell which accounts exist or have a reset pending.
 */
const resetRefused = () => unauthorized('otp.invalid_code', 'The code is wrong, has expired or was used up; request a new one');

const isCodeRefusal = (error: unknown): boolean => isDomainError(error) && error.kind === 'unauthorized' && error.code.startsWith('otp.');

const isResendThrottled = (error: unknown): boolean => isDomainError(error) && error.code === 'otp.resend_throttled';

/**
 * Password reset by a code sent to the account's email or phone (whichever the request names). Requests always
 * answer alike; a confirmation checks the new password before it uses the code, and ends every session.
 */
export class PasswordResetHandler {
  constructor(
    private readonly codes: OneTimeCodes,
    private readonly notifications: { readonly mailer: Mailer; readonly smsSender: SmsSender },
    private readonly accounts: UserAccounts,
    private readonly profiles: ProfileHandler,
    private readonly guard: AttemptGuard,
    private readonly settings: PasswordResetSettings,
  ) {}

  async requestPasswordReset(identifier: LoginIdentifier, context: CommandContext): Promise<{ requested: true }> {
    const { scope, key } = identifierKey(identifier, this.settings.defaultCountryCode);
    const { resetIp, resetAccount } = this.guard.rules;
    await this.guard.attempt([resetIp, context.clientIp], [resetAccount, key]);
    const user = await this.accounts.byKey(scope, key);
    if (user?.status === 'active') {
      const issued = await this.issue(user, context);
      if (issued) await this.deliver(user, scope === EMAIL_SCOPE ? { email: key } : { phone: key }, issued);
    }
    return { requested: true };
  }

  async confirmPasswordReset(identifier: LoginIdentifier, code: string, newPassword: string, context: CommandContext): Promise<{ reset: true }> {
    const { scope, key } = identifierKey(identifier, this.settings.defaultCountryCode);
    await this.guard.attempt([this.guard.rules.resetIp, context.clientIp]);
    const user = await this.accounts.byKey(scope, key);
    // Before the code is used, so a weak password does not burn it; for an unknown account too, so a 422 does not tell them apart.
    assertPasswordPolicy(newPassword, user ? { email: user.email, phone: user.phone } : { [scope === EMAIL_SCOPE ? 'email' : 'phone']: key });
    if (user?.status !== 'active') throw resetRefused();
    try {
      await this.codes.verify('password_reset', user.userId, code, context);
    } catch (error) {
      throw isCodeRefusal(error) ? resetRefused() : error;
    }
    await this.profiles.setPassword(user.userId, newPassword, 'reset', context);
    return { reset: true };
  }

  /** Null when a code was sent moments ago: the request still answers 202 (the answer must not differ), nothing is sent. */
  private async issue(user: ExistingUser, context: CommandContext): Promise<IssuedCode | null> {
    try {
      return await this.codes.issue('password_reset', user.userId, this.settings.codeTtlSeconds, context);
    } catch (error) {
      if (isResendThrottled(error)) return null;
      throw error;
    }
  }

  private async deliver(user: ExistingUser, channel: { email: string } | { phone: string }, issued: IssuedCode): Promise<void> {
    const data = { name: user.name, code: issued.code, expiresInMinutes: minutesOf(issued.expiresInSeconds) };
    try {
      if ('email' in channel) {
        await this.notifications.mailer.send({ to: channel.email, template: 'password-reset', data: { ...data, resetUrl: this.resetLink(channel.email, issued.code) } });
      } else {
        await this.notifications.smsSender.send({ to: channel.phone, template: 'password-reset', data });
      }
    } catch (error) {
      this.settings.onDeliveryFailure(error);
    }
  }

  private resetLink(email: string, code: string): string | null {
    if (!this.settings.resetUrl) return null;
    const url = new URL(this.settings.resetUrl);
    url.searchParams.set('code', code);
    url.searchParams.set('email', email);
    return url.toString();
  }
}
