import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from '../../application/shared/ports/rate-limiter.port';
import type { Limiter, LimiterFactory } from './limiter-factory';
import { assertRule, assertSameLimits } from './rate-limit-rule-checks';

interface CachedLimiter {
  readonly rule: RateLimitRule;
  readonly limiter: Promise<Limiter>;
}

/** rate-limiter-flexible refuses by rejecting with a RateLimiterRes; `msBeforeNext` may round to 0 (or be -1). */
const refusal = (result: RateLimiterRes): RateLimitDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
});

/**
 * The RateLimiter port on rate-limiter-flexible: one library limiter per rule, made on first use by the store's
 * factory. A refusal is a decision; anything else the library rejects with is a store failure and is thrown, so
 * callers fail closed (docs/adr/0015-rate-limiting.md).
 */
export class FlexibleRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, CachedLimiter>();

  constructor(private readonly factory: LimiterFactory) {}

  async consume(rule: RateLimitRule, key: string): Promise<RateLimitDecision> {
    try {
      const limiter = await this.readyLimiter(rule);
      const result = await limiter.consume(key);
      return { allowed: true, remaining: result.remainingPoints };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return refusal(outcome);
      throw this.translated(outcome);
    }
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    try {
      const limiter = await this.readyLimiter(rule);
      await limiter.delete(key);
    } catch (error) {
      throw this.translated(error);
    }
  }

  private async readyLimiter(rule: RateLimitRule): Promise<Limiter> {
    const limiter = await this.limiterFor(rule);
    await this.factory.beforeWrite?.();
    return limiter;
  }

  private limiterFor(rule: RateLimitRule): Promise<Limiter> {
    const cached = this.limiters.get(rule.name);
    if (cached) {
      assertSameLimits(cached.rule, rule);
      return cached.limiter;
    }
    assertRule(rule);
    const entry: CachedLimiter = { rule: { ...rule }, limiter: this.factory.create(rule) };
    this.limiters.set(rule.name, entry);
    // A limiter that could not be made (store unreachable) is made again on the next attempt.
    entry.limiter.catch(() => {
      if (this.limiters.get(rule.name) === entry) this.limiters.delete(rule.name);
    });
    return entry.limiter;
  }

  private translated(error: unknown): unknown {
    return this.factory.translateError ? this.factory.translateError(error) : error;
  }
}
