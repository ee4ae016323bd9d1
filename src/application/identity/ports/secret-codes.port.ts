/** One-time codes: random digits, and a keyed hash so a stored hash of a 6-digit code cannot be reversed offline. */
export interface SecretCodes {
  /** `digits` random decimal digits. */
  newCode(digits: number): string;
  /** A keyed hash bound to what the code is for and whom, so a code for one purpose never matches another. */
  hash(purpose: string, subject: string, code: string): string;
}
