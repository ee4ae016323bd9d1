import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';
import { actorFromClaims, type JwtTokenService } from './jwt-token-service';
import { VerifiedTokenCache } from './verified-token-cache';

/** What the strategy's verify callback hands to `success`: the actor, and the claims its expiry is read from. */
interface Verified {
  readonly actor: Actor;
  readonly claims: Record<string, unknown>;
}

/** The actions a passport strategy ends an attempt with; JwtStrategy uses these three. */
interface StrategyAttempt {
  success(verified: Verified): void;
  fail(): void;
  error(error: unknown): void;
  authenticate(req: Request): void;
}

const invalidToken = () => unauthorized('auth.invalid_token', 'The access token is invalid or expired');

/** Tokens remembered as verified: far more than the clients one instance serves within a token's lifetime. */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Authenticates requests with passport-jwt: a missing Authorization header means anonymous (null);
 * a present but bad bearer token is an error, never silently anonymous.
 * Each attempt runs the strategy the way passport.authenticate does (a per-request object whose prototype is
 * the strategy, given the action callbacks), without the rest of that middleware: it added login, logout and
 * session helpers to every request, which a stateless bearer API never uses, and cost as much as the check.
 * A token verified once is remembered until it expires (VerifiedTokenCache): nothing revokes an access token before
 * its `exp`, so the answer for the same token string cannot change in between.
 */
export const createPassportAuthenticator = (tokens: JwtTokenService) => {
  const options = tokens.verificationOptions();
  const tokenOf = ExtractJwt.fromAuthHeaderAsBearerToken();
  const verified = new VerifiedTokenCache({
    maxEntries: VERIFIED_TOKENS_KEPT,
    clockToleranceSeconds: options.jsonWebTokenOptions.clockTolerance,
  });
  const strategy = new JwtStrategy(
    { ...options, jwtFromRequest: tokenOf },
    (claims: Record<string, unknown>, done: (error: unknown, result?: Verified | false) => void) => {
      try {
        done(null, { actor: actorFromClaims(claims), claims });
      } catch (error) {
        done(error, false);
      }
    },
  );

  return (req: Request): Promise<Actor | null> => {
    if (!req.headers.authorization) return Promise.resolve(null);
    const token = tokenOf(req);
    const known = token ? verified.actorOf(token) : undefined;
    if (known) return Promise.resolve({ ...known });
    return new Promise((resolve, reject) => {
      const attempt = Object.create(strategy) as StrategyAttempt;
      attempt.success = (result) => {
        if (token) verified.remember(token, result.claims, { ...result.actor });
        resolve(result.actor);
      };
      attempt.fail = () => reject(invalidToken());
      attempt.error = () => reject(invalidToken());
      attempt.authenticate(req);
    });
  };
};
