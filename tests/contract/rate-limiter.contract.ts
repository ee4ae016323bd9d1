import { randomUUID } from 'node:crypto';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from '../../src/application/shared/ports/rate-limiter.port';

export interface RateLimiterFixture {
  /** Two limiters over one store: separate instances on separate connections wherever the store allows it. */
  readonly limiters: readonly [RateLimiter, RateLimiter];
  readonly cleanup: () => Promise<void>;
}

export type RateLimiterFactory = () => Promise<RateLimiterFixture>;

const refusedWithin = (decision: RateLimitDecision, minSeconds: number, maxSeconds: number): void => {
  expect(decision.allowed).toBe(false);
  const { retryAfterSeconds } = decision as Extract<RateLimitDecision, { allowed: false }>;
  expect(Number.isInteger(retryAfterSeconds)).toBe(true);
  expect(retryAfterSeconds).toBeGreaterThanOrEqual(minSeconds);
  expect(retryAfterSeconds).toBeLessThanOrEqual(maxSeconds);
};

/**
 * The behaviour every RateLimiter adapter must show. Rule names are unique per test, so a shared server works too.
 * Expiry is not tested: rate-limiter-flexible reads the wall clock itself (no clock to inject), and no test
 * sleeps through a window.
 */
export const describeRateLimiterContract = (name: string, factory: RateLimiterFactory): void => {
  describe(`RateLimiter contract: ${name}`, () => {
    let limiter: RateLimiter;
    let other: RateLimiter;
    let cleanup: () => Promise<void>;
    let tag: string;

    beforeEach(async () => {
      ({
        limiters: [limiter, other],
        cleanup,
      } = await factory());
      tag = `t${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    });

    afterEach(async () => {
      await cleanup();
    });

    const rule = (suffix: string, points: number, durationSeconds: number, blockSeconds?: number): RateLimitRule => ({
      name: `${tag}-${suffix}`,
      points,
      durationSeconds,
      ...(blockSeconds === undefined ? {} : { blockSeconds }),
    });

    it('allows `points` attempts, counting down, then refuses for at most the rest of the window', async () => {
      const login = rule('login', 3, 60);
      const allowed = [];
      for (let i = 0; i < 3; i++) allowed.push(await limiter.consume(login, 'account-1'));
      expect(allowed).toEqual([
        { allowed: true, remaining: 2 },
        { allowed: true, remaining: 1 },
        { allowed: true, remaining: 0 },
      ]);
      refusedWithin(await limiter.consume(login, 'account-1'), 1, 60);
      refusedWithin(await limiter.consume(login, 'account-1'), 1, 60);
    });

    it('counts each key and each rule on its own', async () => {
      const [byAccount, byIp] = [rule('account', 1, 60), rule('ip', 1, 60)];
      expect(await limiter.consume(byAccount, 'alice')).toEqual({ allowed: true, remaining: 0 });
      expect((await limiter.consume(byAccount, 'alice')).allowed).toBe(false);
      expect(await limiter.consume(byAccount, 'bob')).toEqual({ allowed: true, remaining: 0 });
      expect(await limiter.consume(byIp, 'alice')).toEqual({ allowed: true, remaining: 0 });
      // A key that looks like another rule's stored key is still just a key.
      expect(await limiter.consume(byAccount, `${byIp.name}:alice`)).toEqual({ allowed: true, remaining: 0 });
    });

    it('frees a refused key on reset, and only that key', async () => {
      const login = rule('reset', 2, 60);
      for (const key of ['alice', 'bob']) {
        for (let i = 0; i < 3; i++) await limiter.consume(login, key);
      }
      await limiter.reset(login, 'alice');
      expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 1 });
      expect((await limiter.consume(login, 'bob')).allowed).toBe(false);
      await expect(limiter.reset(login, 'never-seen')).resolves.toBeUndefined();
      await expect(limiter.reset(rule('unused', 1, 60), 'alice')).resolves.toBeUndefined();
    });

    it('keeps a refused key blocked for blockSeconds, longer than the window', async () => {
      const otp = rule('otp', 2, 10, 600);
      await limiter.consume(otp, 'alice');
      await limiter.consume(otp, 'alice');
      refusedWithin(await limiter.consume(otp, 'alice'), 11, 600);
      refusedWithin(await limiter.consume(otp, 'alice'), 11, 600);
    });

    it('shares counts, refusals and resets between two instances over one store', async () => {
      const login = rule('shared', 2, 60);
      expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 1 });
      expect(await other.consume(login, 'alice')).toEqual({ allowed: true, remaining: 0 });
      expect((await limiter.consume(login, 'alice')).allowed).toBe(false);
      expect((await other.consume(login, 'alice')).allowed).toBe(false);
      await other.reset(login, 'alice');
      expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 1 });
    });

    it('allows exactly `points` of 50 parallel attempts made through both instances', async () => {
      const burst = rule('burst', 10, 60);
      const decisions = await Promise.all(
        Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? limiter : other).consume(burst, 'alice')),
      );
      const allowed = decisions.filter((decision) => decision.allowed);
      expect(allowed).toHaveLength(10);
      // Each allowed attempt saw its own count: remaining 9 down to 0, once each.
      expect(allowed.map((decision) => decision.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const decision of decisions.filter((one) => !one.allowed)) refusedWithin(decision, 1, 60);
    });
  });
};
