import type { Actor } from '../../shared/command-context';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** Which login session (refresh-token family) a token pair belongs to, and which rotation of it. */
export interface SessionClaims {
  /** The family: one per login, kept across refreshes, revoked as a whole. */
  readonly sessionId: string;
  /** This refresh token's own id; each refresh issues a new one and retires the old. */
  readonly tokenId: string;
}

export interface RefreshClaims extends SessionClaims {
  readonly userId: string;
}

export interface TokenService {
  issue(actor: Actor, session: SessionClaims): IssuedTokens;
  /** Throws an `unauthorized` DomainError (`auth.invalid_token`) for a bad, expired or wrong-kind token. */
  verifyAccess(token: string): Actor;
  /** As verifyAccess; the claims name the session and the rotation the token was issued for. */
  verifyRefresh(token: string): RefreshClaims;
}
