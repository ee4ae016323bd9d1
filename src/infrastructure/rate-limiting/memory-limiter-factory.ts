import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimitRule } from '../../application/shared/ports/rate-limiter.port';
import { type Limiter, type LimiterFactory, limiterOptions } from './limiter-factory';

/** Counts in this process only: for unit tests and a single process; every instance would count on its own. */
export class MemoryLimiterFactory implements LimiterFactory {
  async create(rule: RateLimitRule): Promise<Limiter> {
    return new RateLimiterMemory(limiterOptions(rule));
  }
}
