import type { SelfServiceRole } from '../../domain/identity/roles';
import type { CommandContext } from '../shared/command-context';
import type { AttemptGuard } from './rate-limits';
import type { RegisterUserHandler } from './register-user.handler';
import type { Session, Sessions } from './sessions';
import type { UserAccounts } from './user-accounts';

export interface SelfRegistrationInput {
  readonly name: string;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly password: string;
  readonly referralCode?: string | undefined;
  /** Consumers (Lithovolt) by default; the car club's members register as `member`. */
  readonly role?: SelfServiceRole | undefined;
}

/** Public sign-up: a self-service account, logged in at once. */
export class SelfRegistrationHandler {
  constructor(
    private readonly registration: RegisterUserHandler,
    private readonly accounts: UserAccounts,
    private readonly sessions: Sessions,
    private readonly guard: AttemptGuard,
  ) {}

  async register(input: SelfRegistrationInput, context: CommandContext): Promise<Session & { position: number }> {
    await this.guard.attempt([this.guard.rules.registerIp, context.clientIp]);
    const { userId, position } = await this.registration.execute({ ...input, role: input.role ?? 'consumer', tenantId: null }, context);
    const session = await this.sessions.start(await this.accounts.existing(userId), 'registration', context);
    return { ...session, position };
  }
}
