import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import type { Actor } from '../../../../src/application/shared/command-context';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { JwtTokenService, type JwtKeys } from '../../../../src/infrastructure/security/jwt-token-service';
import { createPassportAuthenticator } from '../../../../src/infrastructure/security/passport-authenticator';
import { ecKeyPair, ed25519KeyPair, rsaKeyPair } from './pem-key-pairs';

const ISSUER = 'opsledger-test';
const SECRET = 'unit-test-secret-'.padEnd(48, 's');
const ACTOR: Actor = { userId: 'user-1', role: 'client_admin', tenantId: 'tenant-1' };
const SESSION = { sessionId: 'session-1', tokenId: 'refresh-1' };

const rsa = rsaKeyPair();
const ec = ecKeyPair();

interface Setup {
  readonly algorithm: 'HS256' | 'RS256' | 'ES256';
  readonly keys: JwtKeys;
  /** What forged tokens are signed with: the key the service would sign with. */
  readonly signingKey: string;
}

const SETUPS: readonly Setup[] = [
  { algorithm: 'HS256', keys: { secret: SECRET }, signingKey: SECRET },
  { algorithm: 'RS256', keys: rsa, signingKey: rsa.privateKeyPem },
  { algorithm: 'ES256', keys: ec, signingKey: ec.privateKeyPem },
];

const service = (keys: JwtKeys, issuer = ISSUER) =>
  new JwtTokenService({ ...keys, issuer, accessTtlSeconds: 900, refreshTtlSeconds: 3600 });

const now = () => Math.floor(Date.now() / 1000);

const accessClaims = { kind: 'access', role: ACTOR.role, tenantId: ACTOR.tenantId, sid: SESSION.sessionId };
const refreshClaims = { kind: 'refresh', sid: SESSION.sessionId };

/** A token signed as the service would sign it, with explicit claims (iat/exp included) and options. */
const forge = (setup: Setup, claims: Record<string, unknown>, options: jwt.SignOptions = {}): string =>
  jwt.sign({ iat: now(), exp: now() + 600, ...claims }, setup.signingKey, {
    algorithm: setup.algorithm,
    issuer: ISSUER,
    subject: ACTOR.userId,
    ...options,
  });

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS built by hand: jsonwebtoken refuses to produce the attacks below. */
const handMade = (header: object, payload: object, sign: (input: string) => string): string => {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${sign(input)}`;
};

const payload = (claims: Record<string, unknown>) => ({ iss: ISSUER, sub: ACTOR.userId, iat: now(), exp: now() + 600, ...claims });

const expectInvalidToken = (verify: () => unknown) => {
  let thrown: unknown;
  try {
    verify();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ kind: 'unauthorized', code: 'auth.invalid_token' });
};

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as Request;

describe.each(SETUPS)('JwtTokenService with $algorithm', (setup) => {
  const tokens = service(setup.keys);

  it('signs with the algorithm the key implies and round-trips both tokens', () => {
    const issued = tokens.issue(ACTOR, SESSION);

    expect(issued).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(jwt.decode(issued.accessToken, { complete: true })?.header.alg).toBe(setup.algorithm);
    expect(jwt.decode(issued.refreshToken, { complete: true })?.header.alg).toBe(setup.algorithm);
    expect(tokens.verifyAccess(issued.accessToken)).toEqual(ACTOR);
    expect(tokens.verifyRefresh(issued.refreshToken)).toEqual({ userId: ACTOR.userId, ...SESSION });
  });

  it('puts the session id in both tokens, the token id as the refresh jti and a fresh jti in each access token', () => {
    const first = tokens.issue(ACTOR, SESSION);
    const second = tokens.issue(ACTOR, SESSION);
    const access = jwt.decode(first.accessToken) as jwt.JwtPayload;
    const refresh = jwt.decode(first.refreshToken) as jwt.JwtPayload;

    expect(access).toMatchObject({ kind: 'access', sid: SESSION.sessionId, sub: ACTOR.userId, iss: ISSUER });
    expect(refresh).toMatchObject({ kind: 'refresh', sid: SESSION.sessionId, jti: SESSION.tokenId, sub: ACTOR.userId, iss: ISSUER });
    expect(access.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(access.jti).not.toBe(SESSION.tokenId);
    expect((jwt.decode(second.accessToken) as jwt.JwtPayload).jti).not.toBe(access.jti);
    expect(refresh.exp! - refresh.iat!).toBe(3600);
    expect(access.exp! - access.iat!).toBe(900);
  });

  it('rejects an unsigned (alg: none) token', () => {
    const none = (claims: Record<string, unknown>) => handMade({ alg: 'none', typ: 'JWT' }, payload(claims), () => '');

    expectInvalidToken(() => tokens.verifyAccess(none({ ...accessClaims, role: 'admin' })));
    expectInvalidToken(() => tokens.verifyRefresh(none({ ...refreshClaims, jti: 'forged' })));
  });

  it('rejects a token from another issuer', () => {
    expectInvalidToken(() => tokens.verifyAccess(forge(setup, accessClaims, { issuer: 'someone-else' })));
    expectInvalidToken(() => tokens.verifyAccess(service(setup.keys, 'someone-else').issue(ACTOR, SESSION).accessToken));
  });

  it('rejects an access token used as a refresh token and the other way round', () => {
    const issued = tokens.issue(ACTOR, SESSION);

    expectInvalidToken(() => tokens.verifyRefresh(issued.accessToken));
    expectInvalidToken(() => tokens.verifyAccess(issued.refreshToken));
  });

  it('rejects a token whose kind claim is wrong or missing', () => {
    expectInvalidToken(() => tokens.verifyAccess(forge(setup, { ...accessClaims, kind: 'admin' })));
    expectInvalidToken(() => tokens.verifyRefresh(forge(setup, { sid: SESSION.sessionId }, { jwtid: 'r-1' })));
  });

  it('rejects a refresh token without a session or token id', () => {
    expectInvalidToken(() => tokens.verifyRefresh(forge(setup, { kind: 'refresh' }, { jwtid: 'r-1' })));
    expectInvalidToken(() => tokens.verifyRefresh(forge(setup, refreshClaims)));
  });

  it('accepts a token expired less than 30 s ago (clock skew) and rejects one expired longer ago', () => {
    const expiredAt = (secondsAgo: number) => ({ iat: now() - 900, exp: now() - secondsAgo });

    expect(tokens.verifyAccess(forge(setup, { ...accessClaims, ...expiredAt(20) }))).toEqual(ACTOR);
    expect(tokens.verifyRefresh(forge(setup, { ...refreshClaims, ...expiredAt(20) }, { jwtid: 'r-1' }))).toEqual({
      userId: ACTOR.userId,
      sessionId: SESSION.sessionId,
      tokenId: 'r-1',
    });
    expectInvalidToken(() => tokens.verifyAccess(forge(setup, { ...accessClaims, ...expiredAt(40) })));
    expectInvalidToken(() => tokens.verifyRefresh(forge(setup, { ...refreshClaims, ...expiredAt(40) }, { jwtid: 'r-1' })));
  });

  it('rejects a tampered signature or payload', () => {
    const { accessToken } = tokens.issue(ACTOR, SESSION);
    const [header, body, signature = ''] = accessToken.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const escalated = base64url({ ...(jwt.decode(accessToken) as object), role: 'admin' });

    expectInvalidToken(() => tokens.verifyAccess(`${header}.${body}.${flipped}`));
    expectInvalidToken(() => tokens.verifyAccess(`${header}.${escalated}.${signature}`));
  });

  it('rejects a token signed with another key of the same kind', () => {
    const otherKey = {
      HS256: () => 'another-secret-'.padEnd(48, 'a'),
      RS256: () => rsaKeyPair().privateKeyPem,
      ES256: () => ecKeyPair().privateKeyPem,
    }[setup.algorithm]();

    expectInvalidToken(() => tokens.verifyAccess(forge({ ...setup, signingKey: otherKey }, accessClaims)));
  });

  it('gives passport-jwt the same pinned algorithm and key', async () => {
    const authenticate = createPassportAuthenticator(tokens);
    const { accessToken, refreshToken } = tokens.issue(ACTOR, SESSION);

    expect(tokens.verificationOptions()).toMatchObject({ algorithms: [setup.algorithm], issuer: ISSUER });
    await expect(authenticate(bearer(accessToken))).resolves.toEqual(ACTOR);
    await expect(authenticate(bearer(refreshToken))).rejects.toMatchObject({ code: 'auth.invalid_token' });
    await expect(authenticate(bearer(forge(setup, { ...accessClaims, exp: now() - 40 })))).rejects.toMatchObject({
      code: 'auth.invalid_token',
    });
  });
});

describe.each([
  ['RS256', rsa, { algorithm: 'ES256', signingKey: ecKeyPair().privateKeyPem }],
  ['ES256', ec, { algorithm: 'RS256', signingKey: rsaKeyPair().privateKeyPem }],
] as const)('JwtTokenService with %s rejects algorithm confusion', (_algorithm, keys, otherAlgorithm) => {
  const tokens = service(keys);
  // The classic attack: the public key is public, so an attacker HMACs with its PEM bytes as the secret.
  const hmacWithPublicKey = (claims: Record<string, unknown>) =>
    handMade({ alg: 'HS256', typ: 'JWT' }, payload(claims), (input) =>
      createHmac('sha256', keys.publicKeyPem).update(input).digest('base64url'),
    );

  it('rejects an HS256 token whose secret is the public key', () => {
    expectInvalidToken(() => tokens.verifyAccess(hmacWithPublicKey({ ...accessClaims, role: 'admin' })));
    expectInvalidToken(() => tokens.verifyRefresh(hmacWithPublicKey({ ...refreshClaims, jti: 'forged' })));
  });

  it('rejects it through passport-jwt too', async () => {
    const authenticate = createPassportAuthenticator(tokens);

    await expect(authenticate(bearer(hmacWithPublicKey(accessClaims)))).rejects.toMatchObject({ code: 'auth.invalid_token' });
  });

  it('rejects a token of the other asymmetric algorithm', () => {
    expectInvalidToken(() => tokens.verifyAccess(forge({ ...otherAlgorithm, keys }, accessClaims)));
  });
});

describe('JwtTokenService key checks', () => {
  it.each([
    ['an RSA key under 2048 bits', rsaKeyPair(1024), /at least 2048 bits/],
    ['an EC key off P-256', ecKeyPair('P-384'), /P-256/],
  ])('refuses %s', (_name, keys, message) => {
    expect(() => service(keys)).toThrow(message);
  });

  it('refuses other key types', () => {
    expect(() => service(ed25519KeyPair())).toThrow(/ed25519 keys are not supported/);
  });

  it('refuses a public key that does not belong to the private key', () => {
    expect(() => service({ privateKeyPem: rsa.privateKeyPem, publicKeyPem: rsaKeyPair().publicKeyPem })).toThrow(/does not belong/);
  });
});
