import jwt from 'jsonwebtoken';

/** The secret startTestApp configures; tests use it to forge tokens the service would otherwise accept. */
export const TEST_JWT_SECRET = 'test-secret-'.padEnd(48, 'x');
export const TEST_JWT_ISSUER = 'opsledger';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`) claiming to be an admin, built by hand. */
export const unsignedToken = (userId: string): string => {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'none', typ: 'JWT' });
  const payload = base64url({ kind: 'access', role: 'admin', tenantId: null, sub: userId, iss: TEST_JWT_ISSUER, iat: now, exp: now + 600 });
  return `${header}.${payload}.`;
};

/** An HS256 access token with arbitrary claims, signed with `secret` (the real one unless told). */
export const signedToken = (claims: Record<string, unknown>, options: jwt.SignOptions = {}, secret = TEST_JWT_SECRET): string =>
  jwt.sign({ kind: 'access', role: 'admin', tenantId: null, ...claims }, secret, {
    algorithm: 'HS256',
    issuer: TEST_JWT_ISSUER,
    expiresIn: 600,
    ...options,
  });

/** Walks any JSON value and collects the keys and string values that betray a stored password. */
export const passwordLeaks = (value: unknown): string[] => {
  const leaks: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (/^scrypt\$/.test(node) || node.includes('$scrypt')) leaks.push(`${path} = ${node}`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (/password|hash/i.test(key)) leaks.push(`${path}.${key}`);
      walk(child, `${path}.${key}`);
    }
  };
  walk(value, '$');
  return leaks;
};
