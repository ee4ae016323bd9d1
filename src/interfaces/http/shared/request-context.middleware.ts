import type { Request, RequestHandler } from 'express';
import type { HttpProblemError } from './http-problem.error';
import { validationFailed } from './http-problem.error';
import { ensureRequestContext, headerIssuesOf } from './request-context';

/** A 400 for malformed header parameters (min position, idempotency key), or null when they are sane. */
export const headerProblemOf = (req: Request): HttpProblemError | null => {
  const issues = headerIssuesOf(req);
  return issues.length === 0
    ? null
    : validationFailed(issues.map(({ header, message }) => ({ location: 'header', path: header, message })));
};

/** Assigns request and correlation ids first, so every later line and problem carries them. */
export const requestContextMiddleware: RequestHandler = (req, res, next) => {
  ensureRequestContext(req, res);
  const problem = headerProblemOf(req);
  if (problem) next(problem);
  else next();
};
