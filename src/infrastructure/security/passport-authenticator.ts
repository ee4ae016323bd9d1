import type { Request } from 'express';
import { Passport } from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';
import { actorFromClaims, type JwtTokenService } from './jwt-token-service';

/**
 * Authenticates requests with passport-jwt: a missing Authorization header means anonymous (null);
 * a present but bad bearer token is an error, never silently anonymous.
 */
export const createPassportAuthenticator = (tokens: JwtTokenService) => {
  const passport = new Passport();
  const options = tokens.verificationOptions();
  passport.use(
    new JwtStrategy(
      { ...options, jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() },
      (claims: Record<string, unknown>, done: (error: unknown, actor?: Actor | false) => void) => {
        try {
          done(null, actorFromClaims(claims));
        } catch (error) {
          done(error, false);
        }
      },
    ),
  );

  return (req: Request): Promise<Actor | null> => {
    if (!req.headers.authorization) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const handler = passport.authenticate('jwt', { session: false }, (error: unknown, actor: Actor | false) => {
        if (error || !actor) reject(unauthorized('auth.invalid_token', 'The access token is invalid or expired'));
        else resolve(actor);
      });
      handler(req, {}, reject);
    });
  };
};
