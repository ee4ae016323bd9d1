import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { newSecretsKey } from './secrets-keys';

/**
 * Development convenience: a secret production must configure is instead created once per data directory
 * (file mode 0600) so that it survives restarts. Config enforces the production requirement.
 */
export const secretFromDataDir = (dataDir: string, fileName: string, make: () => string): string => {
  const file = path.resolve(dataDir, fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = make();
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
};

/** Stands in for JWT_SECRET: DATA_DIR/jwt-secret. */
export const jwtSecretFromDataDir = (dataDir: string) => (): string =>
  secretFromDataDir(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'));

/** Stands in for SECRETS_KEY: DATA_DIR/secrets-key. */
export const secretsKeyFromDataDir = (dataDir: string) => (): string => secretFromDataDir(dataDir, 'secrets-key', newSecretsKey);
