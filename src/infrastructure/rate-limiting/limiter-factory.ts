import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitRule } from '../../application/shared/ports/rate-limiter.port';

/** What FlexibleRateLimiter uses of a rate-limiter-flexible limiter. */
export type Limiter = Pick<RateLimiterAbstract, 'consume' | 'delete'>;

/** Makes rate-limiter-flexible limiters on one store; FlexibleRateLimiter asks once per rule. */
export interface LimiterFactory {
  /** Resolves once the limiter can count: its table or indexes exist, so no first attempt races their creation. */
  create(rule: RateLimitRule): Promise<Limiter>;
  /** Awaited before every count or reset (SQLite: a pending WAL checkpoint goes first). */
  beforeWrite?(): Promise<void>;
  /** The store's failures as errors the edges know (an unreachable store is `unavailable`, a 503). */
  translateError?(error: unknown): unknown;
}

/** The options every store's limiter shares: the rule name prefixes its keys, so rules never share a count. */
export const limiterOptions = (rule: RateLimitRule) => ({
  keyPrefix: rule.name,
  points: rule.points,
  duration: rule.durationSeconds,
  // 0 is the library's "no block": a refused key waits for the rest of its window, as the port says.
  blockDuration: rule.blockSeconds ?? 0,
});
