import { createHash } from 'node:crypto';
import type { CommandContext } from './command-context';
import type { IdGenerator } from './ports/id-generator.port';

/**
 * A code of `length` characters from `alphabet` for a new thing (a serial body, a warranty number). Random, unless
 * the request carries an idempotency key: then derived from the actor, the key and `salt`, so a retried request
 * produces the same code. Vary `salt` per code and per collision retry.
 */
export const newCode = (ids: IdGenerator, context: CommandContext, salt: string, length: number, alphabet: string): string => {
  if (!context.idempotencyKey) return ids.randomString(length, alphabet);
  const digest = createHash('sha256')
    .update(`${context.actor?.userId ?? ''}\u0000${context.idempotencyKey}\u0000${salt}`)
    .digest();
  return Array.from(digest.subarray(0, length), (byte) => alphabet.charAt(byte % alphabet.length)).join('');
};
