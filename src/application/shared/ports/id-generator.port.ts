export interface IdGenerator {
  /** A new unique identifier (UUID v4 or v7). */
  newId(): string;
  /** `length` random characters from the given alphabet, from a cryptographic source. */
  randomString(length: number, alphabet: string): string;
}
