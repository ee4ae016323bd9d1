import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { asymmetricAlgorithm, isPublicKeyOf, type JwtKeyPair } from '../infrastructure/security/jwt-token-service';

export interface JwtKeyFiles {
  readonly JWT_PRIVATE_KEY_FILE?: string;
  readonly JWT_PUBLIC_KEY_FILE?: string;
}

/** The configured key pair (undefined when neither file is set) and what is wrong, as "VARIABLE: reason" lines. */
export interface JwtKeyFilesResult {
  readonly keyPair?: JwtKeyPair;
  readonly issues: readonly string[];
}

type KeyRead = { readonly pem: string; readonly key: KeyObject } | { readonly issue: string };

const readKey = (variable: keyof JwtKeyFiles, file: string, kind: 'private' | 'public'): KeyRead => {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { issue: `${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  // createPublicKey also accepts a private key; the public file must not hold one.
  if (kind === 'public' && /PRIVATE KEY-----/.test(pem)) return { issue: `${variable}: ${file} holds a private key; give the public key` };
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch {
    return { issue: `${variable}: ${file} is not an unencrypted PEM ${kind} key` };
  }
  // The same check the token service makes, here so that start-up names the variable.
  try {
    asymmetricAlgorithm(key);
  } catch (error) {
    return { issue: `${variable}: ${file}: ${(error as Error).message}` };
  }
  return { pem, key };
};

/** Reads and checks the key pair at start-up, so a bad file stops the service with a message naming its variable. */
export const readJwtKeyFiles = ({ JWT_PRIVATE_KEY_FILE: privateFile, JWT_PUBLIC_KEY_FILE: publicFile }: JwtKeyFiles): JwtKeyFilesResult => {
  if (!privateFile && !publicFile) return { issues: [] };
  if (!privateFile) return { issues: ['JWT_PRIVATE_KEY_FILE: required when JWT_PUBLIC_KEY_FILE is set'] };
  if (!publicFile) return { issues: ['JWT_PUBLIC_KEY_FILE: required when JWT_PRIVATE_KEY_FILE is set'] };
  const privateKey = readKey('JWT_PRIVATE_KEY_FILE', privateFile, 'private');
  const publicKey = readKey('JWT_PUBLIC_KEY_FILE', publicFile, 'public');
  if ('issue' in privateKey || 'issue' in publicKey) {
    return { issues: [privateKey, publicKey].flatMap((read) => ('issue' in read ? [read.issue] : [])) };
  }
  if (!isPublicKeyOf(publicKey.key, privateKey.key)) {
    return { issues: [`JWT_PUBLIC_KEY_FILE: ${publicFile} is not the public key of JWT_PRIVATE_KEY_FILE`] };
  }
  return { keyPair: { privateKeyPem: privateKey.pem, publicKeyPem: publicKey.pem }, issues: [] };
};
