import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { AesGcmSecretSealer, keyIdOf } from '../../../../src/infrastructure/security/aes-gcm-secret-sealer';

const OLD_KEY = Buffer.alloc(32, 1);
const KEY = Buffer.alloc(32, 2);
const PLAINTEXT = 'api-key=sk_live_4f9a2c; username=acme-ops';

const sealer = (current = KEY, previous: Buffer[] = []) => new AesGcmSecretSealer({ current, previous });

/** The Error `open` throws; fails the test if it opens. */
const openError = (opener: AesGcmSecretSealer, sealed: string): Error => {
  try {
    opener.open(sealed);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error(`expected ${sealed} not to open`);
};

/** Changes one character of a base64url part, always to another valid base64url character. */
const alterPart = (sealed: string, index: number): string => {
  const parts = sealed.split('.');
  const part = parts[index] ?? '';
  parts[index] = `${part.startsWith('A') ? 'B' : 'A'}${part.slice(1)}`;
  return parts.join('.');
};

describe('AesGcmSecretSealer', () => {
  it('opens what it sealed, including empty and non-ASCII text', () => {
    const keys = sealer();

    for (const text of [PLAINTEXT, '', 'mot de passe: éàü 🔑', 'x'.repeat(10_000)]) {
      expect(keys.open(keys.seal(text))).toBe(text);
    }
  });

  it('writes v1.<keyId>.<nonce>.<tag>.<ciphertext> with a 12-byte nonce and a 16-byte tag', () => {
    const [version, keyId, nonce, tag, ciphertext, ...rest] = sealer().seal(PLAINTEXT).split('.');

    expect(version).toBe('v1');
    expect(keyId).toBe(createHash('sha256').update(KEY).digest('hex').slice(0, 8));
    expect(Buffer.from(nonce!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(Buffer.byteLength(PLAINTEXT));
    expect(rest).toEqual([]);
  });

  it('uses a fresh nonce for every seal, so equal plaintexts never look alike', () => {
    const keys = sealer();
    const sealed = Array.from({ length: 50 }, () => keys.seal(PLAINTEXT));

    expect(new Set(sealed.map((s) => s.split('.')[2])).size).toBe(50);
    expect(new Set(sealed.map((s) => s.split('.')[4])).size).toBe(50);
  });

  it.each([
    ['nonce', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('refuses a sealed secret whose %s was altered', (_part, index) => {
    const keys = sealer();
    const error = openError(keys, alterPart(keys.seal(PLAINTEXT), index));

    expect(error.message).toMatch(/integrity check/);
  });

  it('refuses a sealed secret relabelled with the id of another key it holds', () => {
    const keys = sealer(KEY, [OLD_KEY]);
    const relabelled = keys.seal(PLAINTEXT).replace(keyIdOf(KEY), keyIdOf(OLD_KEY));

    expect(openError(keys, relabelled).message).toMatch(/integrity check/);
  });

  it('authenticates the version and key id as additional data', () => {
    const keyId = keyIdOf(KEY);
    const sealByHand = (aad: string | null) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', KEY, nonce, { authTagLength: 16 });
      if (aad !== null) cipher.setAAD(Buffer.from(aad));
      const ciphertext = Buffer.concat([cipher.update(PLAINTEXT), cipher.final()]);
      return ['v1', keyId, nonce, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    };

    expect(sealer().open(sealByHand(`v1.${keyId}`))).toBe(PLAINTEXT);
    expect(() => sealer().open(sealByHand(null))).toThrow(/integrity check/);
    expect(() => sealer().open(sealByHand(keyIdOf(OLD_KEY)))).toThrow(/integrity check/);
  });

  it('refuses a sealed secret with a different spelling of the same bytes', () => {
    const keys = sealer();
    const [version, keyId, nonce, tag = '', ciphertext] = keys.seal(PLAINTEXT).split('.');
    // 16 bytes are 22 base64url characters, the last (A, Q, g or w) carrying 4 unused bits: the next letter decodes alike.
    const respelledTag = `${tag.slice(0, -1)}${String.fromCharCode(tag.charCodeAt(21) + 1)}`;

    expect(Buffer.from(respelledTag, 'base64url')).toEqual(Buffer.from(tag, 'base64url'));
    expect(() => keys.open([version, keyId, nonce, respelledTag, ciphertext].join('.'))).toThrow(/Malformed sealed secret/);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', PLAINTEXT],
    ['an unknown version', (s: string) => s.replace(/^v1\./, 'v2.')],
    ['a missing part', (s: string) => s.split('.').slice(0, 4).join('.')],
    ['an extra part', (s: string) => `${s}.AAAA`],
    ['a short nonce', (s: string) => alterLength(s, 2)],
    ['a short tag', (s: string) => alterLength(s, 3)],
    ['a non-base64url character', (s: string) => s.replace(/\.([^.]*)$/, '.+$1')],
    ['a malformed key id', (s: string) => s.replace(/^v1\.[0-9a-f]{8}/, 'v1.KEY')],
  ])('refuses %s as malformed', (_name, make) => {
    const keys = sealer();
    const sealed = typeof make === 'string' ? make : make(keys.seal(PLAINTEXT));

    expect(openError(keys, sealed).message).toMatch(/^Malformed sealed secret/);
  });

  it('refuses a secret sealed with a key it does not hold, naming only the key id', () => {
    const foreign = sealer(Buffer.alloc(32, 9)).seal(PLAINTEXT);

    const error = openError(sealer(), foreign);

    expect(error.message).toContain(keyIdOf(Buffer.alloc(32, 9)));
    expect(error.message).toMatch(/does not hold/);
  });

  describe('key rotation', () => {
    it('still opens what the previous key sealed', () => {
      const before = sealer(OLD_KEY).seal(PLAINTEXT);

      expect(sealer(KEY, [OLD_KEY]).open(before)).toBe(PLAINTEXT);
    });

    it('seals new secrets with the current key only', () => {
      const rotated = sealer(KEY, [OLD_KEY]);
      const sealed = rotated.seal(PLAINTEXT);

      expect(sealed.split('.')[1]).toBe(keyIdOf(KEY));
      expect(sealer(KEY).open(sealed)).toBe(PLAINTEXT);
      expect(() => sealer(OLD_KEY).open(sealed)).toThrow(/does not hold/);
    });

    it('stops opening a key once it is dropped from the previous keys', () => {
      const before = sealer(OLD_KEY).seal(PLAINTEXT);

      expect(() => sealer(KEY).open(before)).toThrow(/does not hold/);
    });
  });

  it('never puts plaintext or key material in its errors', () => {
    const keys = sealer(KEY, [OLD_KEY]);
    const sealed = keys.seal(PLAINTEXT);
    const errors = [
      openError(keys, alterPart(sealed, 4)),
      openError(keys, alterPart(sealed, 3)),
      openError(sealer(Buffer.alloc(32, 9)), sealed),
      openError(keys, `${sealed}.extra`),
      openError(keys, PLAINTEXT),
    ];

    for (const { message } of errors) {
      expect(message).not.toContain(PLAINTEXT);
      expect(message).not.toContain('sk_live');
      for (const key of [KEY, OLD_KEY]) {
        for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(message).not.toContain(key.toString(encoding));
      }
    }
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => sealer(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => sealer(KEY, [randomBytes(31)])).toThrow(/32 bytes/);
  });
});

/** Drops the last two characters of a part, keeping it valid base64url but too short. */
const alterLength = (sealed: string, index: number): string => {
  const parts = sealed.split('.');
  parts[index] = (parts[index] ?? '').slice(0, -2);
  return parts.join('.');
};
