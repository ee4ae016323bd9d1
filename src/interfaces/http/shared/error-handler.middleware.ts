import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DomainErrorKind } from '../../../domain/shared/domain-error';
import { isDomainError } from '../../../domain/shared/domain-error';
import { HttpProblemError, validationFailed } from './http-problem.error';
import type { ProblemInit } from './problem-details';
import { sendProblem } from './problem-details';
import { requestIdOf } from './request-context';
import { toValidationIssues } from './request-validation';

export const STATUS_BY_DOMAIN_ERROR_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
};

/** body-parser signals its failures with a `type`; these are the ones a client can cause. */
const BODY_PARSER_PROBLEMS: Readonly<Record<string, ProblemInit>> = {
  'entity.parse.failed': { status: 400, code: 'request.malformed_json', detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'request.payload_too_large', detail: 'The request body is too large' },
  'encoding.unsupported': {
    status: 415,
    code: 'request.unsupported_media_type',
    detail: 'The request body encoding is not supported',
  },
  'charset.unsupported': {
    status: 415,
    code: 'request.unsupported_media_type',
    detail: 'The request body charset is not supported',
  },
};

interface ClientHttpError {
  status: number;
  expose: true;
  type?: string;
}

const isClientHttpError = (error: unknown): error is ClientHttpError => {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<ClientHttpError>;
  return (
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
};

type Mapped = { problem: ProblemInit; headers?: Record<string, string> } | null;

const mapKnownError = (error: unknown): Mapped => {
  if (error instanceof HttpProblemError) return { problem: error.problem, headers: { ...error.headers } };
  if (error instanceof z.ZodError) return mapKnownError(validationFailed(toValidationIssues('body', error)));
  if (isDomainError(error)) {
    const status = STATUS_BY_DOMAIN_ERROR_KIND[error.kind];
    return {
      problem: { status, code: error.code, detail: error.message, details: error.details },
      ...(status === 401 ? { headers: { 'WWW-Authenticate': 'Bearer' } } : {}),
      ...(status === 429 ? { headers: { 'Retry-After': String(Math.max(1, Math.ceil(Number(error.details['retryAfterSeconds']) || 1))) } } : {}),
    };
  }
  if (isClientHttpError(error)) {
    const known = error.type ? BODY_PARSER_PROBLEMS[error.type] : undefined;
    return { problem: known ?? { status: error.status, code: 'request.invalid', detail: 'The request is invalid' } };
  }
  return null;
};

/** The one place errors become problem+json; unexpected errors are logged whole and answered generically. */
export const createErrorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    const requestId = requestIdOf(req, res);
    const mapped = mapKnownError(error);
    if (!mapped || mapped.problem.status >= 500) {
      logger.error({ err: error, requestId, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    if (mapped) sendProblem(res, mapped.problem, mapped.headers);
    else sendProblem(res, { status: 500, code: 'internal.error', detail: 'An unexpected error occurred' });
  };
