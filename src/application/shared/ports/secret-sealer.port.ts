/** Encrypts secrets kept in events and read models (vendor credentials), with a key only the service holds. */
export interface SecretSealer {
  /** An opaque, self-describing string (algorithm, key id, nonce, tag, ciphertext). */
  seal(plaintext: string): string;
  /** Throws when the sealed text was altered or sealed with a key this service does not have. */
  open(sealed: string): string;
}
