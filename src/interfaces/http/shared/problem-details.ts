import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { z } from 'zod';
import { requestIdOf } from './request-context';

/** Every problem `type` is this base followed by the stable code, so clients can link to its explanation. */
export const PROBLEM_TYPE_BASE = 'https://opsledger.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemTypeFor = (code: string): string => `${PROBLEM_TYPE_BASE}${code}`;

export const validationIssueSchema = z
  .object({
    location: z.enum(['body', 'query', 'params', 'header']),
    path: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ValidationIssue' });

export const problemResponseSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(validationIssueSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details with a stable machine code' });

export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export type ProblemDetails = z.infer<typeof problemResponseSchema>;

/** What a caller decides about a problem; type, title, instance and requestId are filled in from the request. */
export interface ProblemInit {
  status: number;
  code: string;
  detail: string;
  title?: string;
  errors?: ValidationIssue[];
  details?: Readonly<Record<string, unknown>>;
}

export const buildProblem = (init: ProblemInit, instance: string, requestId: string): ProblemDetails => ({
  type: problemTypeFor(init.code),
  title: init.title ?? STATUS_CODES[init.status] ?? 'Error',
  status: init.status,
  detail: init.detail,
  instance,
  code: init.code,
  requestId,
  ...(init.errors ? { errors: init.errors } : {}),
  ...(init.details && Object.keys(init.details).length > 0 ? { details: { ...init.details } } : {}),
});

/** Sends a problem+json response; the instance is the request path (never its query, which may hold secrets). */
export const sendProblem = (
  res: Response,
  problem: ProblemInit | ProblemDetails,
  headers: Readonly<Record<string, string>> = {},
): void => {
  const req = res.req;
  const full =
    'type' in problem
      ? problem
      : buildProblem(problem, req.originalUrl.split('?')[0] ?? '/', requestIdOf(req, res));
  res.status(full.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(full));
};
