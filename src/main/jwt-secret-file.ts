import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Development convenience: without JWT_SECRET, a random secret is created once per data directory
 * (file mode 0600) so tokens survive restarts. Production must set JWT_SECRET (config enforces it).
 */
export const jwtSecretFromDataDir = (dataDir: string) => (): string => {
  const file = path.resolve(dataDir, 'jwt-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
};
