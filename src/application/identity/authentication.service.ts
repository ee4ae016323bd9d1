import { UserDecider, userStreamId, type UserState } from '../../domain/identity/user.decider';
import { unauthorized } from '../../domain/shared/domain-error';
import { loadAggregate } from '../shared/load-aggregate';
import type { EventStore } from '../shared/ports/event-store.port';
import type { UniqueKeys } from '../shared/unique-keys';
import type { PasswordHasher } from './ports/password-hasher.port';
import type { IssuedTokens, TokenService } from './ports/token-service.port';
import { EMAIL_SCOPE } from './register-user.handler';
import type { UserView } from './users.read-model';

export interface Session extends IssuedTokens {
  readonly user: UserView;
}

type ActiveUser = Extract<UserState, { status: 'active' }>;

const invalidCredentials = () => unauthorized('auth.invalid_credentials', 'The email or password is wrong');

const toView = (user: ActiveUser): UserView => ({
  id: user.userId,
  email: user.email,
  name: user.name,
  role: user.role,
  status: 'active',
  registeredAt: user.registeredAt,
});

/**
 * Login and token refresh. Users are read from their streams, not a read model, so a user can log in
 * the moment registration is acknowledged.
 */
export class AuthenticationService {
  /** Verified against when the email is unknown, so both paths cost one hash. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly eventStore: EventStore,
    private readonly uniqueKeys: UniqueKeys,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async login(emailInput: string, password: string): Promise<Session> {
    const userId = await this.uniqueKeys.ownerOf(EMAIL_SCOPE, emailInput.trim().toLowerCase());
    const user = userId ? await this.activeUser(userId) : null;
    if (!user?.passwordHash) {
      await this.hasher.verify(password, await (this.decoyHash ??= this.hasher.hash('decoy-password-for-timing')));
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(password, user.passwordHash))) throw invalidCredentials();
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<Session> {
    const { userId } = this.tokens.verifyRefresh(refreshToken);
    const user = await this.activeUser(userId);
    if (!user) throw unauthorized('auth.invalid_token', 'The refresh token is invalid or expired');
    return this.session(user);
  }

  async currentUser(userId: string): Promise<UserView> {
    const user = await this.activeUser(userId);
    if (!user) throw unauthorized('auth.invalid_token', 'The account behind this token is not active');
    return toView(user);
  }

  private async activeUser(userId: string): Promise<ActiveUser | null> {
    const { state } = await loadAggregate(this.eventStore, UserDecider, userStreamId(userId));
    return state.status === 'active' ? state : null;
  }

  private session(user: ActiveUser): Session {
    const tokens = this.tokens.issue({ userId: user.userId, role: user.role, tenantId: null });
    return { ...tokens, user: toView(user) };
  }
}
