/**
 * The kinds of failure the edges translate (to HTTP statuses, exit codes).
 * Each error also carries a stable machine code, e.g. `warranty.already_active`.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

type Details = Readonly<Record<string, unknown>>;

export const invalid = (code: string, message: string, details?: Details) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code: string, message: string, details?: Details) =>
  new DomainError('not_found', code, message, details);
export const conflict = (code: string, message: string, details?: Details) =>
  new DomainError('conflict', code, message, details);
export const unauthorized = (code: string, message: string, details?: Details) =>
  new DomainError('unauthorized', code, message, details);
export const forbidden = (code: string, message: string, details?: Details) =>
  new DomainError('forbidden', code, message, details);
/** Too many attempts; `details.retryAfterSeconds` says when to try again. */
export const rateLimited = (code: string, message: string, retryAfterSeconds: number, details?: Details) =>
  new DomainError('rate_limited', code, message, { ...details, retryAfterSeconds });
export const unavailable = (code: string, message: string, details?: Details) =>
  new DomainError('unavailable', code, message, details);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
