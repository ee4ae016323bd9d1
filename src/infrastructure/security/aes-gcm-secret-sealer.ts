import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretSealer } from '../../application/shared/ports/secret-sealer.port';

/** `current` seals; every key (current and previous) opens, so secrets sealed before a rotation still open. */
export interface SealingKeys {
  readonly current: Buffer;
  readonly previous: readonly Buffer[];
}

const VERSION = 'v1';
const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[0-9a-f]{8}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A short, public fingerprint of a key: sealed text names the key that opens it without revealing it. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** Strict base64url: any other spelling of the same bytes is refused, so every altered character is caught. */
const decodePart = (text: string, bytes?: number): Buffer | undefined => {
  if (!BASE64URL.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64url');
  if (decoded.toString('base64url') !== text || (bytes !== undefined && decoded.length !== bytes)) return undefined;
  return decoded;
};

/**
 * AES-256-GCM with a random 12-byte nonce per seal: `v1.<keyId>.<nonce>.<tag>.<ciphertext>` (base64url).
 * The version and key id are authenticated data, so a sealed secret cannot be relabelled to another key.
 * Errors never include key material or plaintext.
 */
export class AesGcmSecretSealer implements SecretSealer {
  private readonly currentId: string;
  private readonly currentKey: Buffer;
  private readonly keys = new Map<string, Buffer>();

  constructor({ current, previous }: SealingKeys) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error(`An AES-256-GCM key is ${KEY_BYTES} bytes, not ${key.length}`);
      const id = keyIdOf(key);
      const known = this.keys.get(id);
      if (known && !known.equals(key)) throw new Error(`Two different sealing keys share the id ${id}; replace one`);
      this.keys.set(id, key);
    }
    this.currentId = keyIdOf(current);
    this.currentKey = current;
  }

  seal(plaintext: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(CIPHER, this.currentKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(header(this.currentId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.currentId, nonce, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    const [version, keyId = '', nonceText = '', tagText = '', ciphertextText = ''] = parts;
    const nonce = decodePart(nonceText, NONCE_BYTES);
    const tag = decodePart(tagText, TAG_BYTES);
    const ciphertext = decodePart(ciphertextText);
    if (parts.length !== 5 || version !== VERSION || !KEY_ID.test(keyId) || !nonce || !tag || !ciphertext) {
      throw new Error(`Malformed sealed secret: expected ${VERSION}.<keyId>.<nonce>.<tag>.<ciphertext>`);
    }
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Sealed secret uses key ${keyId}, which this service does not hold (was it rotated out?)`);
    const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(header(keyId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`Sealed secret failed its integrity check (key ${keyId}): it was altered`);
    }
  }
}

const header = (keyId: string): Buffer => Buffer.from(`${VERSION}.${keyId}`, 'utf8');
