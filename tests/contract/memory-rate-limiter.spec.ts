import type { RateLimitRule } from '../../src/application/shared/ports/rate-limiter.port';
import { unavailable } from '../../src/domain/shared/domain-error';
import { createRateLimiter } from '../../src/infrastructure/rate-limiting/create-rate-limiter';
import { FlexibleRateLimiter } from '../../src/infrastructure/rate-limiting/flexible-rate-limiter';
import type { Limiter, LimiterFactory } from '../../src/infrastructure/rate-limiting/limiter-factory';
import { MemoryLimiterFactory } from '../../src/infrastructure/rate-limiting/memory-limiter-factory';
import { describeRateLimiterContract } from './rate-limiter.contract';

describeRateLimiterContract('memory', async () => {
  const limiter = createRateLimiter({ kind: 'memory' });
  // Memory counts belong to one process, so the "second instance over the same store" is the same one.
  return { limiters: [limiter, limiter], cleanup: async () => undefined };
});

const login: RateLimitRule = { name: 'login-account', points: 5, durationSeconds: 900 };

/** A factory whose limiters fail as a broken store would. */
const failingStore = (failure: Error, translateError?: (error: unknown) => unknown): LimiterFactory => {
  const limiter: Limiter = { consume: () => Promise.reject(failure), delete: () => Promise.reject(failure) };
  return { create: async () => limiter, ...(translateError ? { translateError } : {}) };
};

describe('FlexibleRateLimiter, beyond the contract', () => {
  it('refuses rules it cannot honour', async () => {
    const limiter = createRateLimiter({ kind: 'memory' });
    const bad: RateLimitRule[] = [
      { ...login, name: 'login:account' },
      { ...login, name: '' },
      { ...login, points: 0 },
      { ...login, points: 1.5 },
      { ...login, durationSeconds: 0 },
      { ...login, blockSeconds: -1 },
    ];
    for (const rule of bad) await expect(limiter.consume(rule, 'alice')).rejects.toThrow(/Rate limit rule/);
  });

  it('refuses a rule name already in use with other limits', async () => {
    const limiter = createRateLimiter({ kind: 'memory' });
    await limiter.consume(login, 'alice');
    await expect(limiter.consume({ ...login, points: 10 }, 'alice')).rejects.toThrow(/already in use with other limits/);
    await expect(limiter.consume({ ...login, blockSeconds: 900 }, 'alice')).rejects.toThrow(/already in use/);
    expect(await limiter.consume({ ...login }, 'alice')).toEqual({ allowed: true, remaining: 3 });
  });

  it('throws what the store fails with, translated, instead of allowing or refusing', async () => {
    const failure = new Error('disk I/O error');
    await expect(new FlexibleRateLimiter(failingStore(failure)).consume(login, 'alice')).rejects.toBe(failure);
    await expect(new FlexibleRateLimiter(failingStore(failure)).reset(login, 'alice')).rejects.toBe(failure);
    const down = unavailable('store.unavailable', 'down');
    const translated = new FlexibleRateLimiter(failingStore(failure, () => down));
    await expect(translated.consume(login, 'alice')).rejects.toBe(down);
    await expect(translated.reset(login, 'alice')).rejects.toBe(down);
  });

  it('makes a limiter again after its store failed to make one', async () => {
    const memory = new MemoryLimiterFactory();
    let attempts = 0;
    const limiter = new FlexibleRateLimiter({
      create: async (rule) => {
        attempts += 1;
        if (attempts === 1) throw new Error('store not reachable');
        return memory.create(rule);
      },
    });
    await expect(limiter.consume(login, 'alice')).rejects.toThrow('store not reachable');
    expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 4 });
    expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 3 });
    expect(attempts).toBe(2);
  });
});
