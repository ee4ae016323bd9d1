import { assertNever, type Decider } from '../shared/decider';
import { conflict, unauthorized } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';
import type { LoginMethod } from './user.events';

/**
 * A login session: one family of refresh tokens. Each refresh retires the presented token and names a new
 * one; presenting a retired token again means it leaked, so the whole family is revoked (reuse detection).
 */
export const sessionStreamId = (sessionId: string): string => `session-${sessionId}`;

export type SessionEndReason = 'logout' | 'refresh_token_reused' | 'credentials_changed' | 'user_deactivated';

export type StartSession = DomainCommand<
  'StartSession',
  {
    readonly sessionId: string;
    readonly userId: string;
    readonly tokenId: string;
    readonly method: LoginMethod | 'registration';
    readonly userSessionEpoch: number;
    readonly startedAt: string;
    readonly expiresAt: string;
  }
>;
export type RefreshSession = DomainCommand<
  'RefreshSession',
  {
    readonly sessionId: string;
    readonly presentedTokenId: string;
    readonly newTokenId: string;
    /** The user's current session epoch and status, read from the user's stream. */
    readonly userSessionEpoch: number;
    readonly userActive: boolean;
    readonly refreshedAt: string;
    readonly expiresAt: string;
  }
>;
export type EndSession = DomainCommand<
  'EndSession',
  { readonly sessionId: string; readonly reason: SessionEndReason; readonly endedAt: string }
>;
export type SessionCommand = StartSession | RefreshSession | EndSession;

export type SessionStarted = DomainEvent<'SessionStarted', StartSession['data']>;
export type SessionRefreshed = DomainEvent<
  'SessionRefreshed',
  { readonly sessionId: string; readonly previousTokenId: string; readonly tokenId: string; readonly refreshedAt: string; readonly expiresAt: string }
>;
export type SessionRevoked = DomainEvent<
  'SessionRevoked',
  { readonly sessionId: string; readonly userId: string; readonly reason: SessionEndReason; readonly revokedAt: string }
>;
export type SessionEvent = SessionStarted | SessionRefreshed | SessionRevoked;

interface SessionFacts {
  readonly sessionId: string;
  readonly userId: string;
  readonly tokenId: string;
  readonly userSessionEpoch: number;
  readonly expiresAt: string;
}
export type SessionState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & SessionFacts)
  | ({ readonly status: 'revoked'; readonly reason: SessionEndReason } & SessionFacts);

const invalidSession = () => unauthorized('auth.invalid_token', 'The refresh token is invalid or expired');

const refresh = (data: RefreshSession['data'], state: SessionState): SessionEvent[] => {
  if (state.status === 'none') throw invalidSession();
  if (state.status === 'revoked') {
    throw unauthorized('auth.session_revoked', 'This session has ended; log in again', { reason: state.reason });
  }
  const revoke = (reason: SessionEndReason): SessionEvent[] => [
    { type: 'SessionRevoked', data: { sessionId: state.sessionId, userId: state.userId, reason, revokedAt: data.refreshedAt } },
  ];
  // Recorded as events, not thrown: the revocation must be stored; the handler then refuses the request.
  if (data.presentedTokenId !== state.tokenId) return revoke('refresh_token_reused');
  if (!data.userActive) return revoke('user_deactivated');
  if (data.userSessionEpoch !== state.userSessionEpoch) return revoke('credentials_changed');
  if (Date.parse(data.refreshedAt) >= Date.parse(state.expiresAt)) throw invalidSession();
  const { sessionId, newTokenId: tokenId, refreshedAt, expiresAt } = data;
  return [{ type: 'SessionRefreshed', data: { sessionId, previousTokenId: state.tokenId, tokenId, refreshedAt, expiresAt } }];
};

const decide = (command: SessionCommand, state: SessionState): readonly SessionEvent[] => {
  switch (command.type) {
    case 'StartSession':
      if (state.status !== 'none') throw conflict('session.already_started', `Session ${command.data.sessionId} exists`);
      return [{ type: 'SessionStarted', data: command.data }];
    case 'RefreshSession':
      return refresh(command.data, state);
    case 'EndSession': {
      if (state.status !== 'active') return [];
      const { sessionId, reason, endedAt } = command.data;
      return [{ type: 'SessionRevoked', data: { sessionId, userId: state.userId, reason, revokedAt: endedAt } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: SessionState, event: SessionEvent): SessionState => {
  switch (event.type) {
    case 'SessionStarted': {
      const { sessionId, userId, tokenId, userSessionEpoch, expiresAt } = event.data;
      return { status: 'active', sessionId, userId, tokenId, userSessionEpoch, expiresAt };
    }
    case 'SessionRefreshed':
      return state.status === 'none' ? state : { ...state, tokenId: event.data.tokenId, expiresAt: event.data.expiresAt };
    case 'SessionRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked', reason: event.data.reason };
    default:
      return assertNever(event);
  }
};

export const SessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
