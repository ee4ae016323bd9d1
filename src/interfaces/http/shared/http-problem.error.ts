import type { ProblemInit, ValidationIssue } from './problem-details';

/** An edge-level failure (bad header, wrong method, auth) that the error middleware sends as it is. */
export class HttpProblemError extends Error {
  constructor(
    readonly problem: ProblemInit,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail);
    this.name = 'HttpProblemError';
  }
}

export const VALIDATION_FAILED = 'validation.failed';

export const validationFailed = (errors: ValidationIssue[]): HttpProblemError =>
  new HttpProblemError({
    status: 400,
    code: VALIDATION_FAILED,
    detail: `The request is invalid (${errors.length} ${errors.length === 1 ? 'issue' : 'issues'})`,
    errors,
  });
