import { generateKeyPairSync } from 'node:crypto';

export interface PemKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

const pems = ({ privateKey, publicKey }: { privateKey: string; publicKey: string }): PemKeyPair => ({
  privateKeyPem: privateKey,
  publicKeyPem: publicKey,
});

export const rsaKeyPair = (modulusLength = 2048): PemKeyPair =>
  pems(
    generateKeyPairSync('rsa', {
      modulusLength,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }),
  );

export const ecKeyPair = (namedCurve = 'P-256'): PemKeyPair =>
  pems(
    generateKeyPairSync('ec', {
      namedCurve,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }),
  );

export const ed25519KeyPair = (): PemKeyPair =>
  pems(
    generateKeyPairSync('ed25519', {
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }),
  );
