import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';
import { actorFromClaims, type JwtTokenService } from './jwt-token-service';

/** The actions a passport strategy ends an attempt with; JwtStrategy uses these three. */
interface StrategyAttempt {
  success(actor: Actor): void;
  fail(): void;
  error(error: unknown): void;
  authenticate(req: Request): void;
}

const invalidToken = () => unauthorized('auth.invalid_token', 'The access token is invalid or expired');

/**
 * Authenticates requests with passport-jwt: a missing Authorization header means anonymous (null);
 * a present but bad bearer token is an error, never silently anonymous.
 * Each attempt runs the strategy the way passport.authenticate does (a per-request object whose prototype is
 * the strategy, given the action callbacks), without the rest of that middleware: it added login, logout and
 * session helpers to every request, which a stateless bearer API never uses, and cost as much as the check.
 */
export const createPassportAuthenticator = (tokens: JwtTokenService) => {
  const options = tokens.verificationOptions();
  const strategy = new JwtStrategy(
    { ...options, jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() },
    (claims: Record<string, unknown>, done: (error: unknown, actor?: Actor | false) => void) => {
      try {
        done(null, actorFromClaims(claims));
      } catch (error) {
        done(error, false);
      }
    },
  );

  return (req: Request): Promise<Actor | null> => {
    if (!req.headers.authorization) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const attempt = Object.create(strategy) as StrategyAttempt;
      attempt.success = (actor) => (actor ? resolve(actor) : reject(invalidToken()));
      attempt.fail = () => reject(invalidToken());
      attempt.error = () => reject(invalidToken());
      attempt.authenticate(req);
    });
  };
};
