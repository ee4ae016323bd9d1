import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AesGcmSecretSealer } from '../../../src/infrastructure/security/aes-gcm-secret-sealer';
import { ConfigError, loadConfig } from '../../../src/main/config';
import { jwtSecretFromDataDir, secretFromDataDir, secretsKeyFromDataDir } from '../../../src/main/data-dir-secrets';

const JWT_SECRET = 'explicit-secret-'.padEnd(40, 's');
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 1));
const OLD_KEY = Buffer.alloc(32, 0xab);
const jwtSecret = () => 'generated-secret-'.padEnd(48, 'g');

/** The ConfigError `env` raises; fails the test if it raises nothing or something else. */
const configError = (env: Record<string, string>, generatedKey?: () => string): ConfigError => {
  try {
    loadConfig(env, jwtSecret, generatedKey);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Invalid configuration/);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

describe('SECRETS_KEY configuration', () => {
  it.each([
    ['hex', KEY.toString('hex')],
    ['upper-case hex', KEY.toString('hex').toUpperCase()],
    ['base64', KEY.toString('base64')],
    ['base64 without padding', KEY.toString('base64').replace(/=$/, '')],
    ['base64url', KEY.toString('base64url')],
  ])('reads a 32-byte key written as %s', (_format, value) => {
    expect(loadConfig({ SECRETS_KEY: value }, jwtSecret).secretsKeys).toEqual({ current: KEY, previous: [] });
  });

  it.each([
    ['31 bytes of base64', Buffer.alloc(31, 1).toString('base64')],
    ['33 bytes of base64', Buffer.alloc(33, 1).toString('base64')],
    ['62 hex characters', 'ab'.repeat(31)],
    ['66 hex characters', 'ab'.repeat(33)],
    ['a passphrase', 'correct horse battery staple correct horse'],
  ])('refuses %s, naming the variable and the format but not the value', (_name, value) => {
    const error = configError({ SECRETS_KEY: value });

    expect(error.message).toContain('SECRETS_KEY: use 32 bytes as base64 or 64 hex characters');
    expect(error.message).not.toContain(value);
  });

  it('reads comma-separated previous keys in either format, current first', () => {
    const config = loadConfig(
      { SECRETS_KEY: KEY.toString('base64'), SECRETS_KEY_PREVIOUS: ` ${OLD_KEY.toString('hex')} , ${Buffer.alloc(32, 5).toString('base64')},` },
      jwtSecret,
    );

    expect(config.secretsKeys).toEqual({ current: KEY, previous: [OLD_KEY, Buffer.alloc(32, 5)] });
  });

  it('names which previous key is malformed, without quoting it', () => {
    const error = configError({ SECRETS_KEY: KEY.toString('hex'), SECRETS_KEY_PREVIOUS: `${OLD_KEY.toString('hex')},deadbeef` });

    expect(error.message).toContain('SECRETS_KEY_PREVIOUS: key 2: use 32 bytes as base64 or 64 hex characters');
    expect(error.message).not.toContain('deadbeef');
    expect(error.message).not.toContain(OLD_KEY.toString('hex'));
  });

  it('gives the sealer keys that rotate: what the previous key sealed still opens', () => {
    const before = loadConfig({ SECRETS_KEY: OLD_KEY.toString('hex') }, jwtSecret);
    const after = loadConfig({ SECRETS_KEY: KEY.toString('hex'), SECRETS_KEY_PREVIOUS: OLD_KEY.toString('hex') }, jwtSecret);
    const sealed = new AesGcmSecretSealer(before.secretsKeys).seal('vendor password');

    expect(new AesGcmSecretSealer(after.secretsKeys).open(sealed)).toBe('vendor password');
  });

  describe('in production', () => {
    it('is required, named next to JWT_SECRET when both are missing, and nothing is generated', () => {
      const generatedKey = jest.fn(() => KEY.toString('hex'));

      const error = configError({ NODE_ENV: 'production' }, generatedKey);

      expect(error.message).toContain('JWT_SECRET: required in production');
      expect(error.message).toContain('SECRETS_KEY: required in production (32 bytes as base64 or 64 hex characters)');
      expect(generatedKey).not.toHaveBeenCalled();
    });

    it('is required even with JWT_SECRET set', () => {
      const error = configError({ NODE_ENV: 'production', JWT_SECRET });

      expect(error.message).toContain('SECRETS_KEY: required in production');
      expect(error.message).not.toContain('JWT_SECRET');
    });

    it('is taken from the environment', () => {
      const generatedKey = jest.fn(() => OLD_KEY.toString('hex'));

      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET, SECRETS_KEY: KEY.toString('hex') }, jwtSecret, generatedKey);

      expect(config.secretsKeys.current).toEqual(KEY);
      expect(generatedKey).not.toHaveBeenCalled();
    });
  });

  describe('in development', () => {
    it('is generated when not set', () => {
      const generatedKey = jest.fn(() => KEY.toString('base64'));

      expect(loadConfig({}, jwtSecret, generatedKey).secretsKeys).toEqual({ current: KEY, previous: [] });
      expect(generatedKey).toHaveBeenCalledTimes(1);
    });

    it('prefers an explicit key over generating one', () => {
      const generatedKey = jest.fn(() => OLD_KEY.toString('hex'));

      expect(loadConfig({ SECRETS_KEY: KEY.toString('hex') }, jwtSecret, generatedKey).secretsKeys.current).toEqual(KEY);
      expect(generatedKey).not.toHaveBeenCalled();
    });

    it('refuses a generated key that is not a key (a damaged DATA_DIR/secrets-key)', () => {
      expect(configError({}, () => 'damaged').message).toContain('SECRETS_KEY: unset, and the generated development key is not');
    });

    it('does not generate a key when the configuration is invalid anyway', () => {
      const generatedKey = jest.fn(() => KEY.toString('hex'));

      configError({ PORT: 'abc' }, generatedKey);
      configError({ JWT_PRIVATE_KEY_FILE: '/nonexistent/key.pem', JWT_PUBLIC_KEY_FILE: '/nonexistent/pub.pem' }, generatedKey);
      expect(generatedKey).not.toHaveBeenCalled();
    });

    it('without a generator, makes a random key that lasts as long as the process', () => {
      const first = loadConfig({}, jwtSecret).secretsKeys.current;
      const second = loadConfig({}, jwtSecret).secretsKeys.current;

      expect(first).toHaveLength(32);
      expect(second).toHaveLength(32);
      expect(first.equals(second)).toBe(false);
    });
  });
});

describe('secrets kept in the data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-secrets-')), 'data');
  });
  afterEach(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  const mode = (file: string) => fs.statSync(path.join(dataDir, file)).mode & 0o777;

  it('creates DATA_DIR/secrets-key once (mode 0600) and reuses it, as config accepts it', () => {
    const generated = secretsKeyFromDataDir(dataDir);

    const first = generated();

    expect(generated()).toBe(first);
    expect(mode('secrets-key')).toBe(0o600);
    expect(loadConfig({}, jwtSecret, generated).secretsKeys.current).toEqual(Buffer.from(first, 'base64'));
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
  });

  it('keeps the JWT secret in its own file, as before', () => {
    const secret = jwtSecretFromDataDir(dataDir)();

    expect(jwtSecretFromDataDir(dataDir)()).toBe(secret);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(mode('jwt-secret')).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, 'secrets-key'))).toBe(false);
  });

  it('makes a secret only when its file is absent, and reads it trimmed', () => {
    const make = jest.fn(() => 'made');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'kept'), 'existing\n');

    expect(secretFromDataDir(dataDir, 'kept', make)).toBe('existing');
    expect(secretFromDataDir(dataDir, 'fresh', make)).toBe('made');
    expect(secretFromDataDir(dataDir, 'fresh', make)).toBe('made');
    expect(make).toHaveBeenCalledTimes(1);
  });
});
