import request from 'supertest';
import { demoApp, waitForLogLine } from './demo-api';

describe('error mapping to problem+json', () => {
  it.each([
    ['invalid', 422, 'Unprocessable Entity'],
    ['not_found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['unauthorized', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'],
    ['unavailable', 503, 'Service Unavailable'],
  ])('maps a DomainError of kind %s to %i with its code, message and details', async (kind, status, title) => {
    const { app } = demoApp();

    const response = await request(app).post(`/api/demo/failures/${kind}`).set('X-Request-Id', `req-${kind}`);

    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: `https://opsledger.dev/problems/demo.${kind}`,
      title,
      status,
      detail: `Demo ${kind} failure`,
      instance: `/api/demo/failures/${kind}`,
      code: `demo.${kind}`,
      requestId: `req-${kind}`,
      details: { widgetId: 'w-1', expected: 3 },
    });
  });

  it('adds a Bearer challenge to a 401 raised by the domain', async () => {
    const { app } = demoApp();

    const response = await request(app).post('/api/demo/failures/unauthorized');

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers an unexpected error with a generic 500 and logs it with its stack', async () => {
    const { app, logLines } = demoApp();

    const response = await request(app).post('/api/demo/failures/unexpected');

    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'internal.error', status: 500, detail: 'An unexpected error occurred' });
    expect(response.text).not.toContain('hunter2');
    expect(response.text).not.toContain('postgres');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
    const errorLine = await waitForLogLine(logLines, (line) => line.msg === 'request failed');
    const err = errorLine.err as { message: string; stack: string };
    expect(err.message).toContain('leaked');
    expect(err.stack).toContain('demo-api.ts');
    expect(errorLine.requestId).toBe(response.body.requestId);
  });

  it('maps a zod error escaping a handler to 400 validation.failed', async () => {
    const { app } = demoApp();

    const response = await request(app).post('/api/demo/failures/zod');

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ location: 'body', path: 'nested' })]);
  });

  it('answers an unknown route with 404 route.not_found', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/nothing-here');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'route.not_found', status: 404, instance: '/api/demo/nothing-here' });
  });

  it('answers a known path with the wrong method with 405 and the Allow header', async () => {
    const { app } = demoApp();

    const response = await request(app).put('/api/demo/widgets/5');

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('DELETE, GET, HEAD');
    expect(response.body).toMatchObject({ code: 'route.method_not_allowed', status: 405 });
  });

  it('computes Allow for paths with a trailing slash too', async () => {
    const { app } = demoApp();

    const response = await request(app).patch('/api/demo/widgets/');

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('answers 405 for the built-in routes as well', async () => {
    const { app } = demoApp();

    const response = await request(app).post('/health');

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});
