import {
  SessionDecider,
  sessionStreamId,
  type EndSession,
  type RefreshSession,
  type SessionEndReason,
  type SessionEvent,
  type StartSession,
} from '../../../../src/domain/identity/session.decider';
import { given } from '../decider-spec';

const start: StartSession = {
  type: 'StartSession',
  data: {
    sessionId: 's-1',
    userId: 'u-1',
    tokenId: 't-1',
    method: 'password',
    userSessionEpoch: 2,
    startedAt: '2024-05-01T10:00:00.000Z',
    expiresAt: '2024-05-31T10:00:00.000Z',
  },
};
const started: SessionEvent = { type: 'SessionStarted', data: start.data };

const refresh = (overrides: Partial<RefreshSession['data']> = {}): RefreshSession => ({
  type: 'RefreshSession',
  data: {
    sessionId: 's-1',
    presentedTokenId: 't-1',
    newTokenId: 't-2',
    userSessionEpoch: 2,
    userActive: true,
    refreshedAt: '2024-05-02T10:00:00.000Z',
    expiresAt: '2024-06-01T10:00:00.000Z',
    ...overrides,
  },
});
const refreshed: SessionEvent = {
  type: 'SessionRefreshed',
  data: {
    sessionId: 's-1',
    previousTokenId: 't-1',
    tokenId: 't-2',
    refreshedAt: '2024-05-02T10:00:00.000Z',
    expiresAt: '2024-06-01T10:00:00.000Z',
  },
};
const revoked = (reason: SessionEndReason, revokedAt = '2024-05-02T10:00:00.000Z'): SessionEvent => ({
  type: 'SessionRevoked',
  data: { sessionId: 's-1', userId: 'u-1', reason, revokedAt },
});
const end = (reason: SessionEndReason = 'logout'): EndSession => ({
  type: 'EndSession',
  data: { sessionId: 's-1', reason, endedAt: '2024-05-03T10:00:00.000Z' },
});

describe('session', () => {
  it('names its stream session-<sessionId>', () => {
    expect(sessionStreamId('s-1')).toBe('session-s-1');
  });

  describe('StartSession', () => {
    it('starts a session', () => {
      given(SessionDecider).when(start).then([started]);
    });

    it('starts a session for a new registration or a one-time-code login', () => {
      for (const method of ['registration', 'otp'] as const) {
        const command: StartSession = { ...start, data: { ...start.data, method } };
        given(SessionDecider).when(command).then([{ type: 'SessionStarted', data: command.data }]);
      }
    });

    it('refuses to start a session twice', () => {
      given(SessionDecider, [started]).when(start).thenThrows('session.already_started', { kind: 'conflict' });
      given(SessionDecider, [started, revoked('logout')]).when(start).thenThrows('session.already_started', { kind: 'conflict' });
    });
  });

  describe('RefreshSession', () => {
    it('rotates the refresh token', () => {
      given(SessionDecider, [started]).when(refresh()).then([refreshed]);
    });

    it('rotates again from the newest token', () => {
      given(SessionDecider, [started, refreshed])
        .when(refresh({ presentedTokenId: 't-2', newTokenId: 't-3', refreshedAt: '2024-05-03T10:00:00.000Z' }))
        .then([
          {
            type: 'SessionRefreshed',
            data: { sessionId: 's-1', previousTokenId: 't-2', tokenId: 't-3', refreshedAt: '2024-05-03T10:00:00.000Z', expiresAt: '2024-06-01T10:00:00.000Z' },
          },
        ]);
    });

    it('revokes the whole session when a retired token is presented again (reuse detection)', () => {
      given(SessionDecider, [started, refreshed]).when(refresh({ presentedTokenId: 't-1', newTokenId: 't-9' })).then([revoked('refresh_token_reused')]);
    });

    it('revokes on reuse even after the session expired', () => {
      given(SessionDecider, [started, refreshed])
        .when(refresh({ presentedTokenId: 't-1', refreshedAt: '2024-07-01T00:00:00.000Z' }))
        .then([revoked('refresh_token_reused', '2024-07-01T00:00:00.000Z')]);
    });

    it('revokes the session when the user has been deactivated', () => {
      given(SessionDecider, [started]).when(refresh({ userActive: false })).then([revoked('user_deactivated')]);
    });

    it('revokes the session when the user revoked all sessions since it started (epoch mismatch)', () => {
      given(SessionDecider, [started]).when(refresh({ userSessionEpoch: 3 })).then([revoked('credentials_changed')]);
    });

    it('answers 401 auth.invalid_token once the session expired', () => {
      for (const refreshedAt of ['2024-05-31T10:00:00.000Z', '2024-06-15T00:00:00.000Z']) {
        given(SessionDecider, [started]).when(refresh({ refreshedAt })).thenThrows('auth.invalid_token', { kind: 'unauthorized' });
      }
    });

    it('uses the expiry the last refresh set', () => {
      given(SessionDecider, [started, refreshed])
        .when(refresh({ presentedTokenId: 't-2', newTokenId: 't-3', refreshedAt: '2024-05-31T12:00:00.000Z' }))
        .then([
          {
            type: 'SessionRefreshed',
            data: { sessionId: 's-1', previousTokenId: 't-2', tokenId: 't-3', refreshedAt: '2024-05-31T12:00:00.000Z', expiresAt: '2024-06-01T10:00:00.000Z' },
          },
        ]);
    });

    it('answers 401 auth.invalid_token for a session that never started', () => {
      given(SessionDecider).when(refresh()).thenThrows('auth.invalid_token', { kind: 'unauthorized' });
    });

    it.each<SessionEndReason>(['logout', 'refresh_token_reused', 'credentials_changed', 'user_deactivated'])(
      'answers 401 auth.session_revoked, even for the newest token, once the session ended by %s',
      (reason) => {
        given(SessionDecider, [started, refreshed, revoked(reason)])
          .when(refresh({ presentedTokenId: 't-2', newTokenId: 't-3' }))
          .thenThrows('auth.session_revoked', { kind: 'unauthorized', details: { reason } });
      },
    );
  });

  describe('EndSession', () => {
    it('ends an active session for the given reason', () => {
      given(SessionDecider, [started]).when(end()).then([revoked('logout', '2024-05-03T10:00:00.000Z')]);
      given(SessionDecider, [started, refreshed]).when(end('user_deactivated')).then([revoked('user_deactivated', '2024-05-03T10:00:00.000Z')]);
    });

    it('is idempotent: an ended or unknown session records nothing', () => {
      given(SessionDecider, [started, revoked('logout')]).when(end()).then([]);
      given(SessionDecider, [started, revoked('refresh_token_reused')]).when(end()).then([]);
      given(SessionDecider).when(end()).then([]);
    });
  });

  describe('evolve', () => {
    const facts = { sessionId: 's-1', userId: 'u-1', tokenId: 't-1', userSessionEpoch: 2, expiresAt: '2024-05-31T10:00:00.000Z' };

    it('starts empty', () => {
      given(SessionDecider).thenState({ status: 'none' });
    });

    it('is active after SessionStarted and holds the newest token and expiry after SessionRefreshed', () => {
      given(SessionDecider, [started]).thenState({ status: 'active', ...facts });
      given(SessionDecider, [started, refreshed]).thenState({ status: 'active', ...facts, tokenId: 't-2', expiresAt: '2024-06-01T10:00:00.000Z' });
    });

    it('is revoked, with the reason, after SessionRevoked', () => {
      given(SessionDecider, [started, revoked('refresh_token_reused')]).thenState({ status: 'revoked', reason: 'refresh_token_reused', ...facts });
    });

    it('ignores events of a session it never saw', () => {
      given(SessionDecider, [refreshed, revoked('logout')]).thenState({ status: 'none' });
    });
  });
});
