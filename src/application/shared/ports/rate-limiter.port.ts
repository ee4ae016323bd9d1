/** How many attempts a key may make in a window, e.g. 5 logins per account per 15 minutes. */
export interface RateLimitRule {
  /** Stable and unique per rule: `login-account`, `login-ip`, ... (part of the stored key). */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
  /** Once over the limit, the key stays blocked this long (defaults to the rest of the window). */
  readonly blockSeconds?: number;
}

export type RateLimitDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Attempt counters shared by every instance of the service (they live in the configured store). */
export interface RateLimiter {
  /** Counts one attempt by `key` under `rule`. */
  consume(rule: RateLimitRule, key: string): Promise<RateLimitDecision>;
  /** Forgets `key`'s attempts under `rule` (e.g. an account's failures after a successful login). */
  reset(rule: RateLimitRule, key: string): Promise<void>;
}
