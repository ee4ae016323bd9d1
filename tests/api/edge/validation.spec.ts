import request from 'supertest';
import { demoApp } from './demo-api';

const admin = { Authorization: 'Bearer u-1:admin' };

describe('request validation at the edge', () => {
  it('hands the handler coerced, typed params and query with defaults applied', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/widgets/42?tag=blue');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      widgetId: 42,
      widgetIdType: 'number',
      limit: 10,
      limitPlusOne: 11,
      tag: 'blue',
      hadBody: false,
    });
    expect(response.headers['opsledger-position']).toBe('84');
  });

  it('reports every invalid param and query value together', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/widgets/-3?limit=500&tag=x');

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'https://opsledger.dev/problems/validation.failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation.failed',
      instance: '/api/demo/widgets/-3',
    });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'params', path: 'widgetId' }),
        expect.objectContaining({ location: 'query', path: 'limit' }),
        expect.objectContaining({ location: 'query', path: 'tag' }),
      ]),
    );
    expect(response.body.errors).toHaveLength(3);
  });

  it('reports every body issue with dotted paths', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .send({ name: 'ab', quantity: 0, consumer: { email: 'not-an-email' } });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    const issues = response.body.errors as { location: string; path: string; message: string }[];
    expect(issues.map(({ location, path }) => `${location}:${path}`).sort()).toEqual([
      'body:consumer.email',
      'body:name',
      'body:quantity',
    ]);
    expect(issues.every((issue) => typeof issue.message === 'string' && issue.message.length > 0)).toBe(true);
  });

  it('treats a missing body on a route that needs one as a validation failure', async () => {
    const { app } = demoApp();

    const response = await request(app).post('/api/demo/widgets').set(admin);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ location: 'body', path: '' })]);
  });

  it('accepts a valid body and sends the handler status, headers and JSON', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .send({ name: 'bolt', quantity: 3, consumer: { email: 'ann@example.com' } });

    expect(response.status).toBe(201);
    expect(response.headers.location).toBe('/api/demo/widgets/7');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ id: 7, name: 'bolt', quantity: 3, createdBy: 'u-1', idempotencyKey: null });
  });

  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"name": "bolt",');

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'request.malformed_json', status: 400 });
  });

  it('answers a body over the limit with 413 request.payload_too_large', async () => {
    const { app } = demoApp({ bodyLimit: '1kb' });

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .send({ name: 'x'.repeat(4096), quantity: 1, consumer: { email: 'ann@example.com' } });

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'request.payload_too_large', status: 413 });
  });

  it('answers a non-JSON body with 415 request.unsupported_media_type', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .set('Content-Type', 'text/plain')
      .send('name=bolt');

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'request.unsupported_media_type', status: 415 });
  });

  it('accepts +json media types as JSON', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set(admin)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ name: 'bolt', quantity: 3, consumer: { email: 'ann@example.com' } }));

    expect(response.status).toBe(201);
  });

  it('sends a handler body with its own content type as-is', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/report');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text).toBe('id,name\n7,bolt\n');
  });

  it('sends an empty 204 when the handler returns no body', async () => {
    const { app } = demoApp();

    const response = await request(app).delete('/api/demo/widgets/5').set(admin);

    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });
});
