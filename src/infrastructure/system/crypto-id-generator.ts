import { randomInt, randomUUID } from 'node:crypto';
import type { IdGenerator } from '../../application/shared/ports/id-generator.port';

export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }

  randomString(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(randomInt(alphabet.length));
    return out;
  }
}
