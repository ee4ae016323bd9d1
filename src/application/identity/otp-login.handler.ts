import type { CommandContext } from '../shared/command-context';
import type { SmsSender } from '../shared/ports/sms-sender.port';
import { normalisePhone, PHONE_SCOPE } from './identity-keys';
import { minutesOf, type OneTimeCodes } from './one-time-codes';
import type { AttemptGuard } from './rate-limits';
import type { RegisterUserHandler } from './register-user.handler';
import type { Session, Sessions } from './sessions';
import type { UserAccounts } from './user-accounts';
import type { ExistingUser } from './user-view';

export interface OtpLoginSettings {
  readonly codeTtlSeconds: number;
  readonly defaultCountryCode: string;
}

export interface LoginCodeSent {
  readonly sent: true;
  readonly expiresInSeconds: number;
  readonly resendAfterSeconds: number;
}

/**
 * Passwordless login by a code sent to a phone. Sending answers the same whether or not the phone has an
 * account (no enumeration); a verified phone without one becomes a consumer account on the spot.
 */
export class OtpLoginHandler {
  constructor(
    private readonly codes: OneTimeCodes,
    private readonly smsSender: SmsSender,
    private readonly accounts: UserAccounts,
    private readonly registration: RegisterUserHandler,
    private readonly sessions: Sessions,
    private readonly guard: AttemptGuard,
    private readonly settings: OtpLoginSettings,
  ) {}

  async sendLoginCode(phone: string, context: CommandContext): Promise<LoginCodeSent> {
    const e164 = normalisePhone(phone, this.settings.defaultCountryCode);
    const { otpIp, otpSendPhone } = this.guard.rules;
    await this.guard.attempt([otpIp, context.clientIp], [otpSendPhone, e164]);
    // Stored first, sent second: only this request holds the plaintext, so no reactor could send it later.
    const issued = await this.codes.issue('login', e164, this.settings.codeTtlSeconds, context);
    await this.smsSender.send({
      to: e164,
      template: 'otp-login',
      data: { code: issued.code, expiresInMinutes: minutesOf(issued.expiresInSeconds) },
    });
    return { sent: true, expiresInSeconds: issued.expiresInSeconds, resendAfterSeconds: issued.resendAfterSeconds };
  }

  async verifyLoginCode(phone: string, code: string, name: string | undefined, context: CommandContext): Promise<Session & { accountCreated: boolean }> {
    const e164 = normalisePhone(phone, this.settings.defaultCountryCode);
    await this.guard.attempt([this.guard.rules.otpIp, context.clientIp]);
    await this.codes.verify('login', e164, code, context);
    const existing = await this.accounts.byKey(PHONE_SCOPE, e164);
    const user = existing ?? (await this.registerConsumer(e164, name, context));
    return { ...(await this.sessions.start(user, 'otp', context)), accountCreated: existing === null };
  }

  /** A passwordless consumer: the verified phone is the only way in until they set a password. */
  private async registerConsumer(e164: string, name: string | undefined, context: CommandContext): Promise<ExistingUser> {
    const { userId } = await this.registration.execute(
      { phone: e164, name: name ?? `Consumer ${e164.slice(-4)}`, role: 'consumer', tenantId: null, password: null },
      context,
    );
    return this.accounts.existing(userId);
  }
}
