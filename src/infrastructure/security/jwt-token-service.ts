import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { IssuedTokens, TokenService } from '../../application/identity/ports/token-service.port';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';

export interface JwtSettings {
  readonly secret: string;
  readonly issuer: string;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
}

const ALGORITHM = 'HS256' as const;
const CLOCK_TOLERANCE_SECONDS = 30;

interface OpsledgerClaims extends JwtPayload {
  readonly kind: 'access' | 'refresh';
  readonly role?: string;
  readonly tenantId?: string | null;
}

/** HS256 only: the algorithm is pinned on verify, so `none` and algorithm confusion are rejected. */
export class JwtTokenService implements TokenService {
  /** Built once: given a string, jsonwebtoken re-derives a key object on every call, which dominated request CPU. */
  private readonly key: KeyObject;

  constructor(private readonly settings: JwtSettings) {
    this.key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  }

  /** Options passport-jwt needs to verify access tokens exactly as this service does. */
  verificationOptions() {
    return {
      secretOrKey: this.key as unknown as string,
      issuer: this.settings.issuer,
      algorithms: [ALGORITHM] as jwt.Algorithm[],
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
    };
  }

  issue(actor: Actor): IssuedTokens {
    const { issuer, accessTtlSeconds, refreshTtlSeconds } = this.settings;
    const secret = this.key;
    const accessToken = jwt.sign({ kind: 'access', role: actor.role, tenantId: actor.tenantId }, secret, {
      algorithm: ALGORITHM,
      issuer,
      subject: actor.userId,
      expiresIn: accessTtlSeconds,
    });
    const refreshToken = jwt.sign({ kind: 'refresh' }, secret, {
      algorithm: ALGORITHM,
      issuer,
      subject: actor.userId,
      expiresIn: refreshTtlSeconds,
    });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: accessTtlSeconds };
  }

  verifyAccess(token: string): Actor {
    return actorFromClaims(this.verify(token, 'access'));
  }

  verifyRefresh(token: string): { readonly userId: string } {
    return { userId: this.verify(token, 'refresh').sub! };
  }

  private verify(token: string, kind: OpsledgerClaims['kind']): OpsledgerClaims {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof claims === 'string' || claims['kind'] !== kind || !claims.sub) throw new Error('wrong token kind');
      return claims as OpsledgerClaims;
    } catch {
      throw unauthorized('auth.invalid_token', `The ${kind} token is invalid or expired`);
    }
  }
}

export const actorFromClaims = (claims: JwtPayload): Actor => {
  if (claims['kind'] !== 'access' || typeof claims.sub !== 'string' || typeof claims['role'] !== 'string') {
    throw unauthorized('auth.invalid_token', 'The access token is invalid or expired');
  }
  const tenantId = claims['tenantId'];
  return { userId: claims.sub, role: claims['role'], tenantId: typeof tenantId === 'string' ? tenantId : null };
};
