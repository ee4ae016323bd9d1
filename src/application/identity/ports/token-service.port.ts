import type { Actor } from '../../shared/command-context';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

export interface TokenService {
  issue(actor: Actor): IssuedTokens;
  /** Throws an `unauthorized` DomainError (`auth.invalid_token`) for a bad, expired or wrong-kind token. */
  verifyAccess(token: string): Actor;
  verifyRefresh(token: string): { readonly userId: string };
}
