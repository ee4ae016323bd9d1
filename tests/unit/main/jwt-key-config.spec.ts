import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JwtTokenService } from '../../../src/infrastructure/security/jwt-token-service';
import { ConfigError, loadConfig, type Config } from '../../../src/main/config';
import { ecKeyPair, ed25519KeyPair, rsaKeyPair, type PemKeyPair } from '../infrastructure/security/pem-key-pairs';

const SECRET = 'explicit-secret-'.padEnd(40, 's');
const SECRETS_KEY = Buffer.alloc(32, 3).toString('hex');
const rsa = rsaKeyPair();
const ec = ecKeyPair();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-jwt-keys-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the PEM text to a temp file and returns its path. */
const pemFile = (name: string, pem: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pem);
  return file;
};

const keyFiles = (pair: PemKeyPair) => ({
  JWT_PRIVATE_KEY_FILE: pemFile('private.pem', pair.privateKeyPem),
  JWT_PUBLIC_KEY_FILE: pemFile('public.pem', pair.publicKeyPem),
});

const load = (env: Record<string, string>, generated = jest.fn(() => 'generated-secret-'.padEnd(48, 'g'))): Config =>
  loadConfig(env, generated);

/** The ConfigError `env` raises; fails the test if it raises nothing or something else. */
const configError = (env: Record<string, string>): ConfigError => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Invalid configuration/);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

describe('JWT key pair configuration', () => {
  it.each([
    ['RSA', 'RS256', rsa],
    ['EC P-256', 'ES256', ec],
  ])('reads an %s key pair from the two files, and the token service signs with it (%s)', (_name, algorithm, pair) => {
    const config = load(keyFiles(pair));

    expect(config.jwtKeys).toEqual(pair);
    const tokens = new JwtTokenService({ ...config.jwtKeys, issuer: 'opsledger', accessTtlSeconds: 60, refreshTtlSeconds: 600 });
    expect(tokens.verificationOptions().algorithms).toEqual([algorithm]);
    const issued = tokens.issue({ userId: 'u-1', role: 'admin', tenantId: null }, { sessionId: 's-1', tokenId: 't-1' });
    expect(tokens.verifyRefresh(issued.refreshToken)).toEqual({ userId: 'u-1', sessionId: 's-1', tokenId: 't-1' });
  });

  it('prefers the key pair over JWT_SECRET and generates no secret', () => {
    const generated = jest.fn(() => 'unused');

    const config = load({ ...keyFiles(rsa), JWT_SECRET: SECRET }, generated);

    expect(config.jwtKeys).toEqual(rsa);
    expect(generated).not.toHaveBeenCalled();
  });

  it('uses JWT_SECRET when no key file is set', () => {
    expect(load({ JWT_SECRET: SECRET }).jwtKeys).toEqual({ secret: SECRET });
  });

  it('lets production run on a key pair without JWT_SECRET', () => {
    const config = load({ NODE_ENV: 'production', SECRETS_KEY, ...keyFiles(ec) });

    expect(config.jwtKeys).toEqual(ec);
  });

  it('still requires JWT_SECRET in production without key files, naming the alternative', () => {
    const error = configError({ NODE_ENV: 'production', SECRETS_KEY });

    expect(error.message).toContain('JWT_SECRET: required in production');
    expect(error.message).toContain('JWT_PRIVATE_KEY_FILE');
  });

  it.each([
    ['JWT_PRIVATE_KEY_FILE', 'JWT_PUBLIC_KEY_FILE'],
    ['JWT_PUBLIC_KEY_FILE', 'JWT_PRIVATE_KEY_FILE'],
  ])('requires both files: %s alone names %s as missing', (given, missing) => {
    const files = keyFiles(rsa);

    const error = configError({ [given]: files[given as keyof typeof files], NODE_ENV: 'production', SECRETS_KEY });

    expect(error.message).toContain(`${missing}: required when ${given} is set`);
    expect(error.message).not.toContain('JWT_SECRET');
  });

  it('names the variable and the path of a file that does not exist', () => {
    const missing = path.join(dir, 'nope.pem');

    const error = configError({ JWT_PRIVATE_KEY_FILE: missing, JWT_PUBLIC_KEY_FILE: keyFiles(rsa).JWT_PUBLIC_KEY_FILE });

    expect(error.message).toContain(`JWT_PRIVATE_KEY_FILE: cannot read ${missing} (ENOENT)`);
  });

  it('reports both files at once when both are bad', () => {
    const error = configError({ JWT_PRIVATE_KEY_FILE: path.join(dir, 'a.pem'), JWT_PUBLIC_KEY_FILE: path.join(dir, 'b.pem') });

    expect(error.message).toContain('JWT_PRIVATE_KEY_FILE: cannot read');
    expect(error.message).toContain('JWT_PUBLIC_KEY_FILE: cannot read');
  });

  it('refuses a file that is not a PEM key', () => {
    const error = configError({
      JWT_PRIVATE_KEY_FILE: pemFile('junk.pem', 'not a key'),
      JWT_PUBLIC_KEY_FILE: keyFiles(rsa).JWT_PUBLIC_KEY_FILE,
    });

    expect(error.message).toMatch(/JWT_PRIVATE_KEY_FILE: .*junk\.pem is not an unencrypted PEM private key/);
  });

  it('refuses a public key in the private key file', () => {
    const error = configError({
      JWT_PRIVATE_KEY_FILE: pemFile('a.pem', rsa.publicKeyPem),
      JWT_PUBLIC_KEY_FILE: pemFile('b.pem', rsa.publicKeyPem),
    });

    expect(error.message).toMatch(/JWT_PRIVATE_KEY_FILE: .*a\.pem is not an unencrypted PEM private key/);
  });

  it('refuses a private key in the public key file, without echoing it', () => {
    const error = configError({
      JWT_PRIVATE_KEY_FILE: pemFile('a.pem', rsa.privateKeyPem),
      JWT_PUBLIC_KEY_FILE: pemFile('b.pem', rsa.privateKeyPem),
    });

    expect(error.message).toMatch(/JWT_PUBLIC_KEY_FILE: .*b\.pem holds a private key/);
    expect(error.message).not.toContain('BEGIN');
  });

  it.each([
    ['an RSA key under 2048 bits', () => rsaKeyPair(1024), /JWT_PRIVATE_KEY_FILE: .*an RSA key needs at least 2048 bits, this one has 1024/],
    ['an EC key on P-384', () => ecKeyPair('P-384'), /JWT_PRIVATE_KEY_FILE: .*an EC key must use P-256, this one uses secp384r1/],
    ['an Ed25519 key', () => ed25519KeyPair(), /JWT_PRIVATE_KEY_FILE: .*ed25519 keys are not supported: use RSA \(at least 2048 bits\) or EC P-256/],
  ])('refuses %s with a clear reason', (_name, pair, message) => {
    const error = configError(keyFiles(pair()));

    expect(error.message).toMatch(message);
    expect(error.message).toContain('JWT_PUBLIC_KEY_FILE');
    expect(error.message).not.toContain('BEGIN');
  });

  it('refuses a public key that is not the private key’s own', () => {
    const error = configError({
      JWT_PRIVATE_KEY_FILE: pemFile('a.pem', rsa.privateKeyPem),
      JWT_PUBLIC_KEY_FILE: pemFile('b.pem', rsaKeyPair().publicKeyPem),
    });

    expect(error.message).toMatch(/JWT_PUBLIC_KEY_FILE: .*b\.pem is not the public key of JWT_PRIVATE_KEY_FILE/);
  });

  it('refuses a key pair that mixes types', () => {
    const error = configError({
      JWT_PRIVATE_KEY_FILE: pemFile('a.pem', rsa.privateKeyPem),
      JWT_PUBLIC_KEY_FILE: pemFile('b.pem', ec.publicKeyPem),
    });

    expect(error.message).toMatch(/JWT_PUBLIC_KEY_FILE: .*b\.pem is not the public key of JWT_PRIVATE_KEY_FILE/);
  });
});
