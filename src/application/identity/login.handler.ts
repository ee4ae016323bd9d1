import { UserDecider, userStreamId } from '../../domain/identity/user.decider';
import { unauthorized } from '../../domain/shared/domain-error';
import { withoutIdempotencyKey, type CommandContext } from '../shared/command-context';
import type { CommandServices } from '../shared/command-services';
import { identifierKey, type LoginIdentifier } from './identity-keys';
import type { PasswordHasher } from './ports/password-hasher.port';
import type { AttemptGuard } from './rate-limits';
import type { Session, Sessions } from './sessions';
import type { UserAccounts } from './user-accounts';

export type PasswordLogin = LoginIdentifier & { readonly password: string };

const invalidCredentials = () => unauthorized('auth.invalid_credentials', 'The email, phone or password is wrong');

/**
 * Password login by email or phone. Unknown accounts still cost one hash (against a decoy), so timing
 * does not tell which accounts exist; a wrong password is recorded on the account for its security log.
 */
export class LoginHandler {
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly guard: AttemptGuard,
    private readonly defaultCountryCode: string,
  ) {}

  async login(input: PasswordLogin, context: CommandContext): Promise<Session> {
    const { scope, key } = identifierKey(input, this.defaultCountryCode);
    const { loginAccount, loginIp } = this.guard.rules;
    await this.guard.attempt([loginIp, context.clientIp], [loginAccount, key]);
    const user = await this.accounts.byKey(scope, key);
    if (!user?.passwordHash) {
      await this.hasher.verify(input.password, await (this.decoyHash ??= this.hasher.hash('decoy-password-for-timing')));
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(input.password, user.passwordHash))) {
      await this.recordFailure(user.userId, 'wrong_password', context);
      throw invalidCredentials();
    }
    if (user.status !== 'active') {
      await this.recordFailure(user.userId, 'deactivated', context);
      throw unauthorized('auth.account_deactivated', 'The account is deactivated');
    }
    await this.guard.forget(loginAccount, key);
    return this.sessions.start(user, 'password', context);
  }

  private async recordFailure(userId: string, reason: 'wrong_password' | 'deactivated', context: CommandContext) {
    await this.services.executor.execute({
      operation: 'record-login-failure',
      decider: UserDecider,
      streamId: userStreamId(userId),
      command: { type: 'RecordLoginFailure', data: { userId, reason, at: this.services.clock.now().toISOString() } },
      context: withoutIdempotencyKey(context),
    });
  }
}
