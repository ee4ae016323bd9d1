import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';
import { actorFromClaims, type JwtTokenService } from './jwt-token-service';
import { VerifiedTokenCache } from './verified-token-cache';

/** The actions a passport strategy ends an attempt with; JwtStrategy uses these three. */
interface StrategyAttempt {
  success(actor: Actor): void;
  fail(): void;
  error(error: unknown): void;
  authenticate(req: Request): void;
}

const invalidToken = () => unauthorized('auth.invalid_token', 'The access token is invalid or expired');

/** Tokens remembered as verified: far more than the clients one instance serves within a token's lifetime. */
export const VERIFIED_TOKENS_KEPT = 10_000;

export interface PassportAuthenticatorOptions {
  /** Remembers verified tokens so a repeated one skips the signature check (default VERIFIED_TOKENS_KEPT; 0 turns it off). */
  readonly verifiedTokensKept?: number;
}

/**
 * Authenticates requests with passport-jwt: a missing Authorization header means anonymous (null);
 * a present but bad bearer token is an error, never silently anonymous.
 * Each attempt runs the strategy the way passport.authenticate does (a per-request object whose prototype is
 * the strategy, given the action callbacks), without the rest of that middleware: it added login, logout and
 * session helpers to every request, which a stateless bearer API never uses, and cost as much as the check.
 * A token verified once is remembered until it expires (VerifiedTokenCache): nothing revokes an access token before
 * its `exp`, so the answer for the same token string cannot change in between.
 */
export const createPassportAuthenticator = (tokens: JwtTokenService, settings: PassportAuthenticatorOptions = {}) => {
  const options = tokens.verificationOptions();
  const tokenOf = ExtractJwt.fromAuthHeaderAsBearerToken();
  const kept = settings.verifiedTokensKept ?? VERIFIED_TOKENS_KEPT;
  const verified =
    kept > 0
      ? new VerifiedTokenCache({ maxEntries: kept, clockToleranceSeconds: options.jsonWebTokenOptions.clockTolerance })
      : null;
  const strategy = new JwtStrategy(
    { ...options, jwtFromRequest: tokenOf, passReqToCallback: true },
    (req: Request, claims: Record<string, unknown>, done: (error: unknown, actor?: Actor | false) => void) => {
      try {
        const actor = actorFromClaims(claims);
        const token = tokenOf(req);
        if (verified && token) verified.remember(token, claims, { ...actor });
        done(null, actor);
      } catch (error) {
        done(error, false);
      }
    },
  );

  return (req: Request): Promise<Actor | null> => {
    if (!req.headers.authorization) return Promise.resolve(null);
    const token = verified ? tokenOf(req) : null;
    const known = token ? verified?.actorOf(token) : undefined;
    if (known) return Promise.resolve({ ...known });
    return new Promise((resolve, reject) => {
      const attempt = Object.create(strategy) as StrategyAttempt;
      attempt.success = (actor) => (actor ? resolve(actor) : reject(invalidToken()));
      attempt.fail = () => reject(invalidToken());
      attempt.error = () => reject(invalidToken());
      attempt.authenticate(req);
    });
  };
};
