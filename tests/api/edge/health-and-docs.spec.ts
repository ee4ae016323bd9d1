import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';
import { demoApi, demoApp } from './demo-api';

describe('health probes', () => {
  it('answers liveness with 200 status ok', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: '0.1.0-test' });
  });

  it('answers readiness with 200 and the checks when ready', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/health/ready');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { eventStore: { status: 'up' } } });
  });

  it('answers readiness with 503 and the failing checks when not ready', async () => {
    const { app } = demoApp({
      ready: async () => ({
        ready: false,
        checks: { eventStore: { status: 'up' }, readModels: { status: 'down', detail: 'projection lag' } },
      }),
    });

    const response = await request(app).get('/health/ready');

    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'not_ready',
      checks: { eventStore: { status: 'up' }, readModels: { status: 'down', detail: 'projection lag' } },
    });
  });

  it('reports a throwing readiness probe as 503 without its message, and logs it', async () => {
    const { app, logLines } = demoApp({
      ready: async () => {
        throw new Error('mongodb://root:secret@host unreachable');
      },
    });

    const response = await request(app).get('/health/ready');

    expect(response.status).toBe(503);
    expect(response.body.status).toBe('not_ready');
    expect(response.text).not.toContain('secret');
    expect(logLines.some((line) => line.msg === 'readiness probe failed')).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('serves a valid OpenAPI 3.1 document at /api/schema', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/schema');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.info).toEqual({ title: 'opsledger demo', version: '0.0.1' });
    const config = await createConfig({
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'path-parameters-defined': 'error',
        'operation-operationId-unique': 'error',
        'security-defined': 'error',
        'no-path-trailing-slash': 'error',
      },
    });
    const problems = await lintFromString({ source: response.text, absoluteRef: '/api/schema.json', config });
    expect(problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  });

  it('documents the demo routes with {param} paths, zod-derived parameters and bodies', async () => {
    const { app } = demoApp();

    const { body: document } = await request(app).get('/api/schema');

    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/demo/widgets/{widgetId}',
        '/api/demo/widgets',
        '/api/demo/failures/{kind}',
        '/health',
        '/health/ready',
      ]),
    );
    const getWidget = document.paths['/api/demo/widgets/{widgetId}'].get;
    expect(getWidget.operationId).toBe('demoGetWidget');
    expect(getWidget.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'widgetId', required: true }),
        expect.objectContaining({ in: 'query', name: 'limit' }),
        expect.objectContaining({ in: 'header', name: 'Opsledger-Min-Position' }),
      ]),
    );
    expect(getWidget.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/DemoWidget',
    });
    const createWidget = document.paths['/api/demo/widgets'].post;
    expect(createWidget.requestBody.content['application/json'].schema.properties.consumer).toBeDefined();
    expect(createWidget.responses['201'].headers.Location).toBeDefined();
    expect(createWidget.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })]);
    expect(document.paths['/health'].get.parameters).toBeUndefined();
  });

  it('puts bearer security and the permission on protected routes only', async () => {
    const { app } = demoApp();

    const { body: document } = await request(app).get('/api/schema');

    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const createWidget = document.paths['/api/demo/widgets'].post;
    expect(createWidget.security).toEqual([{ bearerAuth: [] }]);
    expect(createWidget['x-permission']).toBe('widgets:create');
    expect(document.paths['/api/demo/widgets/{widgetId}'].get.security).toEqual([]);
  });

  it('documents problem+json error responses with the shared ProblemDetails component', async () => {
    const { app } = demoApp();

    const { body: document } = await request(app).get('/api/schema');

    const problemRef = { $ref: '#/components/schemas/ProblemDetails' };
    expect(document.components.schemas.ProblemDetails.properties.code).toBeDefined();
    const createWidget = document.paths['/api/demo/widgets'].post;
    expect(Object.keys(createWidget.responses).sort()).toEqual(
      ['201', '400', '401', '403', '409', '413', '415', '422', '500'].sort(),
    );
    for (const status of ['400', '401', '403', '409', '422', '500']) {
      expect(createWidget.responses[status].content['application/problem+json'].schema).toEqual(problemRef);
    }
    const getWidget = document.paths['/api/demo/widgets/{widgetId}'].get;
    expect(Object.keys(getWidget.responses).sort()).toEqual(['200', '400', '404', '500']);
    expect(getWidget.responses['404'].description).toBe('Unknown widget');
    expect(document.paths['/health/ready'].get.responses['503'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Readiness',
    });
  });

  it('builds the same document from the api alone', async () => {
    const document = demoApi().openApiDocument({ title: 't', version: '1' });

    expect(Object.keys(document.paths ?? {})).toContain('/api/demo/report');
    expect(document.paths?.['/api/demo/report']?.get?.responses?.['200']?.content?.['text/csv']).toBeDefined();
  });
});

describe('API documentation pages', () => {
  it('redirects /api/docs to /api/docs/ and serves Swagger UI from local assets there', async () => {
    const { app } = demoApp();

    const redirect = await request(app).get('/api/docs');
    const page = await request(app).get('/api/docs/');
    const init = await request(app).get('/api/docs/swagger-ui-init.js');
    const bundle = await request(app).get('/api/docs/swagger-ui-bundle.js');

    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('/api/schema');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });

  it('serves a ReDoc page pointing at the schema and the local bundle', async () => {
    const { app } = demoApp();

    const page = await request(app).get('/api/redoc');
    const bundle = await request(app).get('/api/redoc/redoc.standalone.js');

    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('spec-url="/api/schema"');
    expect(page.text).toContain('src="/api/redoc/redoc.standalone.js"');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(100_000);
  });
});
