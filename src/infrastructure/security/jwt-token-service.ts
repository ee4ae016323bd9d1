import { createPrivateKey, createPublicKey, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import type {
  IssuedTokens,
  RefreshClaims,
  SessionClaims,
  TokenService,
} from '../../application/identity/ports/token-service.port';
import type { Actor } from '../../application/shared/command-context';
import { unauthorized } from '../../domain/shared/domain-error';

export interface JwtKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** A shared secret signs with HS256; a key pair signs with RS256 or ES256, as its private key's type says. */
export type JwtKeys = { readonly secret: string } | JwtKeyPair;

export type JwtSettings = JwtKeys & {
  readonly issuer: string;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
};

type AsymmetricAlgorithm = 'RS256' | 'ES256';
type Algorithm = 'HS256' | AsymmetricAlgorithm;
type TokenKind = 'access' | 'refresh';

const CLOCK_TOLERANCE_SECONDS = 30;
const MIN_RSA_BITS = 2048;

/**
 * The one algorithm an RSA or EC key (private or public) signs with. Derived from the key, never from a
 * token's header, so a token cannot choose how it is checked. Throws for keys too weak or of another kind.
 */
export const asymmetricAlgorithm = (key: KeyObject): AsymmetricAlgorithm => {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new Error(`an RSA key needs at least ${MIN_RSA_BITS} bits, this one has ${bits}`);
    return 'RS256';
  }
  if (key.asymmetricKeyType === 'ec') {
    // Node names P-256 by its OpenSSL name.
    if (details.namedCurve !== 'prime256v1') throw new Error(`an EC key must use P-256, this one uses ${details.namedCurve ?? 'an unnamed curve'}`);
    return 'ES256';
  }
  throw new Error(`${key.asymmetricKeyType ?? key.type} keys are not supported: use RSA (at least ${MIN_RSA_BITS} bits) or EC P-256`);
};

/** Checks that `publicKey` is the public half of `privateKey`. */
export const isPublicKeyOf = (publicKey: KeyObject, privateKey: KeyObject): boolean =>
  createPublicKey(privateKey).equals(publicKey);

/** Verification pins the one algorithm the configured key signs with, so `none` and algorithm confusion are rejected. */
export class JwtTokenService implements TokenService {
  /**
   * Built once: given a string, jsonwebtoken re-derives a key object on every call, which cost a third of
   * request CPU. With a shared secret both are the same key.
   */
  private readonly signingKey: KeyObject;
  private readonly verifyingKey: KeyObject;
  private readonly algorithm: Algorithm;

  constructor(private readonly settings: JwtSettings) {
    if ('secret' in settings) {
      this.signingKey = this.verifyingKey = createSecretKey(Buffer.from(settings.secret, 'utf8'));
      this.algorithm = 'HS256';
    } else {
      this.signingKey = createPrivateKey(settings.privateKeyPem);
      this.verifyingKey = createPublicKey(settings.publicKeyPem);
      this.algorithm = asymmetricAlgorithm(this.signingKey);
      if (!isPublicKeyOf(this.verifyingKey, this.signingKey)) throw new Error('The JWT public key does not belong to the private key');
    }
  }

  /** Options passport-jwt needs to verify access tokens exactly as this service does. */
  verificationOptions() {
    return {
      secretOrKey: this.verifyingKey as unknown as string,
      issuer: this.settings.issuer,
      algorithms: [this.algorithm] as jwt.Algorithm[],
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
    };
  }

  issue(actor: Actor, session: SessionClaims): IssuedTokens {
    const { accessTtlSeconds, refreshTtlSeconds } = this.settings;
    const accessToken = this.sign(
      { kind: 'access', role: actor.role, tenantId: actor.tenantId, sid: session.sessionId },
      { subject: actor.userId, jwtid: randomUUID(), expiresIn: accessTtlSeconds },
    );
    const refreshToken = this.sign(
      { kind: 'refresh', sid: session.sessionId },
      { subject: actor.userId, jwtid: session.tokenId, expiresIn: refreshTtlSeconds },
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: accessTtlSeconds };
  }

  verifyAccess(token: string): Actor {
    return actorFromClaims(this.verify(token, 'access'));
  }

  verifyRefresh(token: string): RefreshClaims {
    const claims = this.verify(token, 'refresh');
    const sessionId: unknown = claims['sid'];
    if (typeof sessionId !== 'string' || typeof claims.jti !== 'string') throw invalidToken('refresh');
    return { userId: claims.sub, sessionId, tokenId: claims.jti };
  }

  private sign(payload: Record<string, unknown>, options: jwt.SignOptions): string {
    return jwt.sign(payload, this.signingKey, { ...options, algorithm: this.algorithm, issuer: this.settings.issuer });
  }

  private verify(token: string, kind: TokenKind): JwtPayload & { sub: string } {
    let claims: string | JwtPayload;
    try {
      claims = jwt.verify(token, this.verifyingKey, {
        algorithms: [this.algorithm],
        issuer: this.settings.issuer,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    } catch {
      throw invalidToken(kind);
    }
    if (typeof claims === 'string' || claims['kind'] !== kind || typeof claims.sub !== 'string') throw invalidToken(kind);
    return { ...claims, sub: claims.sub };
  }
}

const invalidToken = (kind: TokenKind) => unauthorized('auth.invalid_token', `The ${kind} token is invalid or expired`);

export const actorFromClaims = (claims: JwtPayload): Actor => {
  if (claims['kind'] !== 'access' || typeof claims.sub !== 'string' || typeof claims['role'] !== 'string') {
    throw invalidToken('access');
  }
  const tenantId = claims['tenantId'];
  return { userId: claims.sub, role: claims['role'], tenantId: typeof tenantId === 'string' ? tenantId : null };
};
