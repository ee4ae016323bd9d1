import type { z } from 'zod';
import type { ValidationIssue } from './problem-details';

export type RequestLocation = 'params' | 'query' | 'body';

export const toValidationIssues = (location: ValidationIssue['location'], error: z.ZodError): ValidationIssue[] =>
  error.issues.map((issue) => ({
    location,
    path: issue.path.map((key) => String(key)).join('.'),
    message: issue.message,
  }));

export type ParsedParts = Record<RequestLocation, unknown>;

/** Parses every part the route declares and reports all issues of all parts together. */
export const parseRequestParts = async (
  schemas: Partial<Record<RequestLocation, z.ZodType>>,
  raw: Record<RequestLocation, unknown>,
): Promise<{ ok: true; parts: ParsedParts } | { ok: false; issues: ValidationIssue[] }> => {
  const parts: ParsedParts = { params: undefined, query: undefined, body: undefined };
  const issues: ValidationIssue[] = [];
  for (const location of ['params', 'query', 'body'] as const) {
    const schema = schemas[location];
    if (!schema) continue;
    const result = await schema.safeParseAsync(raw[location]);
    if (result.success) parts[location] = result.data;
    else issues.push(...toValidationIssues(location, result.error));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, parts };
};
