import type { Response } from 'supertest';

/** Asserts an RFC 9457 problem with the given status (and code); on failure jest shows the whole body. */
export const expectProblem = (res: Response, status: number, code?: string): void => {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({
    status,
    body: { status, ...(code === undefined ? {} : { code }) },
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
};

/** The fields a 400 `validation.failed` names, as `location:path` strings. */
export const invalidFields = (res: Response): string[] => {
  expectProblem(res, 400, 'validation.failed');
  return (res.body.errors as { location: string; path: string }[]).map((e) => `${e.location}:${e.path}`);
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
