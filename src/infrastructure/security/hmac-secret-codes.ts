import { createHmac, randomInt } from 'node:crypto';
import type { SecretCodes } from '../../application/identity/ports/secret-codes.port';

/** HMAC-SHA256 under a server-held key: without the key, the 10^6 possible codes cannot be tried against a hash. */
export class HmacSecretCodes implements SecretCodes {
  constructor(private readonly key: Buffer) {}

  newCode(digits: number): string {
    return Array.from({ length: digits }, () => randomInt(10)).join('');
  }

  hash(purpose: string, subject: string, code: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${subject}\u0000${code}`).digest('base64url');
  }
}
