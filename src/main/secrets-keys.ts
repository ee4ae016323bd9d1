import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one "=" of padding; either alphabet, padding optional.
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

export const SECRETS_KEY_FORMAT = `${KEY_BYTES} bytes as base64 or 64 hex characters`;

/** The key's bytes, or undefined when the text is not a 32-byte key in either accepted spelling. */
export const decodeSecretsKey = (text: string): Buffer | undefined => {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  return BASE64_KEY.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
};

/** A fresh random key, spelled as SECRETS_KEY expects. */
export const newSecretsKey = (): string => randomBytes(KEY_BYTES).toString('base64');

/** SECRETS_KEY: one key. Issues never quote the value, which is a secret. */
export const secretsKeySchema = z.string().transform((text, ctx) => {
  const key = decodeSecretsKey(text);
  if (key) return key;
  ctx.addIssue(`use ${SECRETS_KEY_FORMAT}`);
  return z.NEVER;
});

/** SECRETS_KEY_PREVIOUS: comma-separated keys, each as SECRETS_KEY. */
export const secretsKeyListSchema = z.string().transform((text, ctx) => {
  const keys: Buffer[] = [];
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .forEach((item, index) => {
      const key = decodeSecretsKey(item);
      if (key) keys.push(key);
      else ctx.addIssue(`key ${index + 1}: use ${SECRETS_KEY_FORMAT}, comma-separated`);
    });
  return keys;
});
