import type { RateLimitRule } from '../../application/shared/ports/rate-limiter.port';

/*
 * A bad rule is a programming error, not a client's: plain Errors (a 500), never an `invalid` DomainError (a 400).
 */

/** No colon: the stored key is `<rule>:<key>`, so a colon in a rule name could make two rules share a count. */
const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const isPositiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) > 0;

export const assertRule = (rule: RateLimitRule): void => {
  if (typeof rule.name !== 'string' || !RULE_NAME.test(rule.name)) {
    throw new Error(`Rate limit rule name ${JSON.stringify(rule.name)} must be letters, digits, '.', '_' or '-'`);
  }
  for (const field of ['points', 'durationSeconds'] as const) {
    if (!isPositiveInteger(rule[field])) throw new Error(`Rate limit rule ${rule.name}: ${field} must be a positive integer`);
  }
  if (rule.blockSeconds !== undefined && !isPositiveInteger(rule.blockSeconds)) {
    throw new Error(`Rate limit rule ${rule.name}: blockSeconds must be a positive integer when set`);
  }
};

/** A limiter is cached by rule name, so one name must always come with the same limits. */
export const assertSameLimits = (known: RateLimitRule, rule: RateLimitRule): void => {
  if (
    known.points !== rule.points ||
    known.durationSeconds !== rule.durationSeconds ||
    known.blockSeconds !== rule.blockSeconds
  ) {
    throw new Error(`Rate limit rule ${rule.name} is already in use with other limits`);
  }
};
