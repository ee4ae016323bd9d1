import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import type { Actor } from '../../../../src/application/shared/command-context';
import { JwtTokenService } from '../../../../src/infrastructure/security/jwt-token-service';
import { createPassportAuthenticator } from '../../../../src/infrastructure/security/passport-authenticator';
import { VerifiedTokenCache } from '../../../../src/infrastructure/security/verified-token-cache';

const ISSUER = 'opsledger-test';
const SECRET = 'cache-test-secret-'.padEnd(48, 's');
const ACTOR: Actor = { userId: 'user-1', role: 'admin', tenantId: null };
const SESSION = { sessionId: 'session-1', tokenId: 'refresh-1' };
const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as Request;

describe('VerifiedTokenCache', () => {
  let nowMs = T0;
  const cache = (maxEntries = 3) => new VerifiedTokenCache({ maxEntries, clockToleranceSeconds: 30, now: () => nowMs });
  const exp = (secondsFromNow: number) => ({ exp: Math.floor(nowMs / 1000) + secondsFromNow });

  beforeEach(() => {
    nowMs = T0;
  });

  it('answers a remembered token until its exp plus the tolerance, then forgets it', () => {
    const tokens = cache();
    tokens.remember('t1', exp(60), ACTOR);

    nowMs += 89_000;
    expect(tokens.actorOf('t1')).toEqual(ACTOR);
    nowMs += 1_000;
    expect(tokens.actorOf('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never remembers a token without a numeric exp, with a nbf, or already past its tolerance', () => {
    const tokens = cache();
    tokens.remember('no-exp', {}, ACTOR);
    tokens.remember('string-exp', { exp: '9999999999' }, ACTOR);
    tokens.remember('nbf', { ...exp(60), nbf: Math.floor(nowMs / 1000) }, ACTOR);
    tokens.remember('stale', exp(-30), ACTOR);

    expect(['no-exp', 'string-exp', 'nbf', 'stale'].map((token) => tokens.actorOf(token))).toEqual([undefined, undefined, undefined, undefined]);
    expect(tokens.size).toBe(0);
  });

  it('keeps at most maxEntries tokens, dropping the oldest first', () => {
    const tokens = cache(2);
    tokens.remember('a', exp(60), { ...ACTOR, userId: 'a' });
    tokens.remember('b', exp(60), { ...ACTOR, userId: 'b' });
    tokens.remember('c', exp(60), { ...ACTOR, userId: 'c' });

    expect(tokens.size).toBe(2);
    expect(tokens.actorOf('a')).toBeUndefined();
    expect(tokens.actorOf('b')?.userId).toBe('b');
    expect(tokens.actorOf('c')?.userId).toBe('c');
  });
});

describe('the passport authenticator with remembered tokens', () => {
  const service = new JwtTokenService({ secret: SECRET, issuer: ISSUER, accessTtlSeconds: 60, refreshTtlSeconds: 3600 });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts a repeated token, and refuses it once expired although it was accepted before', async () => {
    jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const authenticate = createPassportAuthenticator(service);
    const { accessToken } = service.issue(ACTOR, SESSION);

    await expect(authenticate(bearer(accessToken))).resolves.toEqual(ACTOR);
    await expect(authenticate(bearer(accessToken))).resolves.toEqual(ACTOR);
    jest.setSystemTime(T0 + 89_000);
    await expect(authenticate(bearer(accessToken))).resolves.toEqual(ACTOR);
    jest.setSystemTime(T0 + 91_000);
    await expect(authenticate(bearer(accessToken))).rejects.toMatchObject({ code: 'auth.invalid_token' });
  });

  it('hands each caller its own actor object, so one request cannot change what the next one sees', async () => {
    const authenticate = createPassportAuthenticator(service);
    const { accessToken } = service.issue(ACTOR, SESSION);

    const first = await authenticate(bearer(accessToken));
    (first as { role: string }).role = 'consumer';

    await expect(authenticate(bearer(accessToken))).resolves.toEqual(ACTOR);
  });

  it('never accepts a token that differs from a remembered one, however little', async () => {
    const authenticate = createPassportAuthenticator(service);
    const { accessToken } = service.issue(ACTOR, SESSION);
    await authenticate(bearer(accessToken));
    const [header, claims] = accessToken.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...(jwt.decode(accessToken) as object), role: 'superuser' })).toString('base64url');

    await expect(authenticate(bearer(`${header}.${forgedClaims}.${accessToken.split('.')[2]}`))).rejects.toMatchObject({
      code: 'auth.invalid_token',
    });
    await expect(authenticate(bearer(`${header}.${claims}.`))).rejects.toMatchObject({ code: 'auth.invalid_token' });
  });
});
