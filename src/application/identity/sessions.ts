import { SessionDecider, sessionStreamId, type SessionEndReason } from '../../domain/identity/session.decider';
import type { LoginMethod } from '../../domain/identity/user.decider';
import { forbidden, unauthorized } from '../../domain/shared/domain-error';
import { withoutIdempotencyKey, type CommandContext } from '../shared/command-context';
import type { CommandServices } from '../shared/command-services';
import type { IssuedTokens, TokenService } from './ports/token-service.port';
import type { UserAccounts } from './user-accounts';
import { toUserView, type ExistingUser } from './user-view';
import type { UserView } from './users.read-model';

export interface Session extends IssuedTokens {
  readonly user: UserView;
}

const REVOKED_ANSWERS: Readonly<Record<SessionEndReason, [code: string, message: string]>> = {
  refresh_token_reused: ['auth.refresh_token_reused', 'This refresh token was already used; the session is revoked'],
  credentials_changed: ['auth.session_revoked', 'The password changed; log in again'],
  user_deactivated: ['auth.account_deactivated', 'The account is deactivated'],
  logout: ['auth.session_revoked', 'This session has ended; log in again'],
};

/**
 * Login sessions: every login starts a session stream holding the current refresh token's id; each refresh
 * rotates it, a reused token revokes the session, and a user's password change or deactivation ends all of them.
 */
/** Logins and refreshes are made by the account itself: its audit trail names it as the actor. */
const asUser = (user: ExistingUser, context: CommandContext): CommandContext => ({
  ...withoutIdempotencyKey(context),
  actor: context.actor ?? { userId: user.userId, role: user.role, tenantId: user.tenantId },
});

export class Sessions {
  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly tokens: TokenService,
    private readonly refreshTtlSeconds: number,
  ) {}

  async start(user: ExistingUser, method: LoginMethod | 'registration', context: CommandContext): Promise<Session> {
    if (user.status !== 'active') throw unauthorized('auth.account_deactivated', 'The account is deactivated');
    const { executor, ids, clock } = this.services;
    const sessionId = ids.newId();
    const tokenId = ids.newId();
    const now = clock.now();
    await executor.execute({
      operation: 'start-session',
      decider: SessionDecider,
      streamId: sessionStreamId(sessionId),
      command: {
        type: 'StartSession',
        data: {
          sessionId,
          userId: user.userId,
          tokenId,
          method,
          userSessionEpoch: user.sessionEpoch,
          startedAt: now.toISOString(),
          expiresAt: this.expiry(now),
        },
      },
      context: asUser(user, context),
    });
    return this.issue(user, sessionId, tokenId);
  }

  async refresh(refreshToken: string, context: CommandContext): Promise<Session> {
    const claims = this.tokens.verifyRefresh(refreshToken);
    const user = await this.accounts.load(claims.userId);
    if (user.status === 'none') throw unauthorized('auth.invalid_token', 'The refresh token is invalid or expired');
    const { executor, ids, clock } = this.services;
    const newTokenId = ids.newId();
    const now = clock.now();
    const result = await executor.execute({
      operation: 'refresh-session',
      decider: SessionDecider,
      streamId: sessionStreamId(claims.sessionId),
      command: {
        type: 'RefreshSession',
        data: {
          sessionId: claims.sessionId,
          presentedTokenId: claims.tokenId,
          newTokenId,
          userSessionEpoch: user.sessionEpoch,
          userActive: user.status === 'active',
          refreshedAt: now.toISOString(),
          expiresAt: this.expiry(now),
        },
      },
      context: asUser(user, context),
    });
    const revoked = result.events.find((event) => event.type === 'SessionRevoked');
    if (revoked) {
      const [code, message] = REVOKED_ANSWERS[revoked.data.reason];
      throw unauthorized(code, message);
    }
    return this.issue(user, claims.sessionId, newTokenId);
  }

  /** Logout: ends the session the refresh token belongs to; it must be the caller's own. */
  async end(refreshToken: string, callerId: string, context: CommandContext): Promise<{ position: number }> {
    const claims = this.tokens.verifyRefresh(refreshToken);
    if (claims.userId !== callerId) throw forbidden('auth.not_your_session', 'The refresh token belongs to another user');
    const result = await this.services.executor.execute({
      operation: 'end-session',
      decider: SessionDecider,
      streamId: sessionStreamId(claims.sessionId),
      command: { type: 'EndSession', data: { sessionId: claims.sessionId, reason: 'logout', endedAt: this.services.clock.now().toISOString() } },
      context: withoutIdempotencyKey(context),
    });
    return { position: result.position };
  }

  private issue(user: ExistingUser, sessionId: string, tokenId: string): Session {
    const tokens = this.tokens.issue({ userId: user.userId, role: user.role, tenantId: user.tenantId }, { sessionId, tokenId });
    return { ...tokens, user: toUserView(user) };
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.refreshTtlSeconds * 1000).toISOString();
  }
}
