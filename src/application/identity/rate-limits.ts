import { rateLimited } from '../../domain/shared/domain-error';
import type { RateLimiter, RateLimitRule } from '../shared/ports/rate-limiter.port';

export interface AuthRateLimits {
  /** Attempts one client IP may make at each guarded operation per 15 minutes. */
  readonly perIpPer15Minutes: number;
}

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

/** The rules for the operations attackers aim at; an account's limit is counted per email or phone. */
export const authRateRules = ({ perIpPer15Minutes }: AuthRateLimits) => {
  const perIp = (name: string): RateLimitRule => ({ name, points: perIpPer15Minutes, durationSeconds: QUARTER_HOUR });
  return {
    loginAccount: { name: 'login_account', points: 5, durationSeconds: QUARTER_HOUR },
    loginIp: perIp('login_ip'),
    registerIp: perIp('register_ip'),
    otpSendPhone: { name: 'otp_send_phone', points: 5, durationSeconds: HOUR },
    otpIp: perIp('otp_ip'),
    resetAccount: { name: 'reset_account', points: 5, durationSeconds: HOUR },
    resetIp: perIp('reset_ip'),
  } satisfies Record<string, RateLimitRule>;
};
export type AuthRateRules = ReturnType<typeof authRateRules>;

/** Counts an attempt against every rule given; the first refusal answers 429 with when to retry. */
export class AttemptGuard {
  constructor(
    private readonly limiter: RateLimiter,
    readonly rules: AuthRateRules,
  ) {}

  async attempt(...checks: readonly (readonly [RateLimitRule, string | null])[]): Promise<void> {
    for (const [rule, key] of checks) {
      if (key === null) continue;
      const decision = await this.limiter.consume(rule, key);
      if (!decision.allowed) {
        throw rateLimited('auth.too_many_attempts', `Too many attempts; try again in ${decision.retryAfterSeconds} seconds`, decision.retryAfterSeconds);
      }
    }
  }

  forget(rule: RateLimitRule, key: string): Promise<void> {
    return this.limiter.reset(rule, key);
  }
}
