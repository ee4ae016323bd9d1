import { randomInt } from 'node:crypto';
import { v7 as uuidV7 } from 'uuid';
import type { IdGenerator } from '../../application/shared/ports/id-generator.port';

/**
 * Identifiers are UUID v7 (RFC 9562): a millisecond timestamp, then a counter and random bits, so ids made later
 * sort later and every index keyed by them (event ids, stream ids, read-model keys) grows at its end instead of
 * at random pages (docs/adr/0026-time-ordered-ids.md). They are identifiers, never secrets.
 */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return uuidV7();
  }

  randomString(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(randomInt(alphabet.length));
    return out;
  }
}
