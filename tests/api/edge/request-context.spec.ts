import request from 'supertest';
import { demoApp, waitForLogLine } from './demo-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request context', () => {
  it('echoes a sane incoming X-Request-Id and uses it as the correlation id', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/widgets/1').set('X-Request-Id', 'abc.DEF_123-x');

    expect(response.headers['x-request-id']).toBe('abc.DEF_123-x');
    expect(response.body.context).toMatchObject({ requestId: 'abc.DEF_123-x', correlationId: 'abc.DEF_123-x' });
  });

  it('generates a UUID when the incoming request id is missing or not a sane token', async () => {
    const { app } = demoApp();

    const missing = await request(app).get('/api/demo/widgets/1');
    const hostile = await request(app).get('/api/demo/widgets/1').set('X-Request-Id', 'a b<script>');
    const tooLong = await request(app).get('/api/demo/widgets/1').set('X-Request-Id', 'x'.repeat(129));

    for (const response of [missing, hostile, tooLong]) {
      expect(response.headers['x-request-id']).toMatch(UUID);
      expect(response.body.context.requestId).toBe(response.headers['x-request-id']);
    }
    expect(missing.headers['x-request-id']).not.toBe(hostile.headers['x-request-id']);
  });

  it('takes a sane X-Correlation-Id and ignores an insane one', async () => {
    const { app } = demoApp();

    const sane = await request(app)
      .get('/api/demo/widgets/1')
      .set('X-Request-Id', 'req-1')
      .set('X-Correlation-Id', 'saga-9');
    const insane = await request(app)
      .get('/api/demo/widgets/1')
      .set('X-Request-Id', 'req-2')
      .set('X-Correlation-Id', 'saga 9;');

    expect(sane.body.context.correlationId).toBe('saga-9');
    expect(insane.body.context.correlationId).toBe('req-2');
  });

  it('puts the request id on problem responses too', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/missing').set('X-Request-Id', 'req-404');

    expect(response.headers['x-request-id']).toBe('req-404');
    expect(response.body.requestId).toBe('req-404');
  });

  it('parses Opsledger-Min-Position into the context', async () => {
    const { app } = demoApp();

    const withPosition = await request(app).get('/api/demo/widgets/1').set('Opsledger-Min-Position', '1234');
    const withoutPosition = await request(app).get('/api/demo/widgets/1');

    expect(withPosition.body.context.minPosition).toBe(1234);
    expect(withoutPosition.body.context.minPosition).toBeNull();
  });

  it.each(['-1', 'abc', '1.5', '99999999999999999999'])(
    'answers a malformed Opsledger-Min-Position (%s) with a 400 header problem',
    async (value) => {
      const { app } = demoApp();

      const response = await request(app).get('/api/demo/widgets/1').set('Opsledger-Min-Position', value);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'validation.failed',
        errors: [{ location: 'header', path: 'Opsledger-Min-Position', message: 'must be a non-negative integer' }],
      });
    },
  );

  it.each([
    ['9f0c6b1e-8a43-4c55-a2b7-0d1f3e5a7b90', '9f0c6b1e-8a43-4c55-a2b7-0d1f3e5a7b90'],
    ['"order-42:retry"', 'order-42:retry'],
  ])('passes the Idempotency-Key %s to the handler', async (header, expected) => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set('Authorization', 'Bearer u-1:admin')
      .set('Idempotency-Key', header)
      .send({ name: 'bolt', quantity: 1, consumer: { email: 'ann@example.com' } });

    expect(response.status).toBe(201);
    expect(response.body.idempotencyKey).toBe(expected);
  });

  it('answers a malformed Idempotency-Key with a 400 header problem', async () => {
    const { app } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets')
      .set('Authorization', 'Bearer u-1:admin')
      .set('Idempotency-Key', 'k'.repeat(256))
      .send({ name: 'bolt', quantity: 1, consumer: { email: 'ann@example.com' } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ location: 'header', path: 'Idempotency-Key' }),
    ]);
  });

  it('passes user agent, client ip and an abort signal to the handler', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/widgets/1').set('User-Agent', 'seed-client/1.0');

    expect(response.body.context).toMatchObject({ userAgent: 'seed-client/1.0', hasClientIp: true, hasSignal: true });
  });

  it('matches a route with a trailing slash like one without', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/widgets/9/');

    expect(response.status).toBe(200);
    expect(response.body.widgetId).toBe(9);
  });

  it('writes one access-log line per request without headers, query, tokens or passwords', async () => {
    const { app, logLines, rawLog } = demoApp();

    const response = await request(app)
      .post('/api/demo/widgets?token=query-secret')
      .set('Authorization', 'Bearer u-1:admin')
      .set('Cookie', 'session=cookie-secret')
      .set('X-Request-Id', 'req-log')
      .send({ name: 'bolt', quantity: 1, consumer: { email: 'ann@example.com' }, password: 'body-secret' });

    expect(response.status).toBe(201);
    const line = await waitForLogLine(logLines, (entry) => entry.msg === 'request completed');
    expect(line).toMatchObject({
      method: 'POST',
      path: '/api/demo/widgets',
      status: 201,
      requestId: 'req-log',
      userId: 'u-1',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(logLines.filter((entry) => entry.msg === 'request completed')).toHaveLength(1);
    const everything = rawLog.join('\n');
    for (const secret of ['u-1:admin', 'cookie-secret', 'query-secret', 'body-secret']) {
      expect(everything).not.toContain(secret);
    }
  });
});
