import request from 'supertest';
import { demoApi, demoApp } from './demo-api';

describe('authentication and authorisation at the edge', () => {
  it('answers a protected route without credentials with 401 auth.unauthenticated and a Bearer challenge', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/me');

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ code: 'auth.unauthenticated', status: 401 });
  });

  it('authenticates before validating, so anonymous callers learn nothing about the body rules', async () => {
    const { app } = demoApp();

    const response = await request(app).post('/api/demo/widgets').send({ name: 'x' });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.unauthenticated');
  });

  it('maps a DomainError thrown by authenticate like any domain error', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/me').set('Authorization', 'Bearer bad');

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.invalid_token', detail: 'The bearer token is invalid' });
  });

  it('answers an actor without the permission with 403 auth.forbidden', async () => {
    const { app } = demoApp();

    const response = await request(app).delete('/api/demo/widgets/3').set('Authorization', 'Bearer u-2:viewer');

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden', status: 403 });
  });

  it('hands the authorised actor to the handler', async () => {
    const { app } = demoApp();

    const response = await request(app).get('/api/demo/me').set('Authorization', 'Bearer u-2:viewer');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: 'u-2', role: 'viewer', tenantId: 'tenant-1' });
  });

  it('lets public routes see a valid caller and ignores an invalid token there', async () => {
    const { app } = demoApp();

    const withToken = await request(app).get('/api/demo/widgets/1').set('Authorization', 'Bearer u-3:viewer');
    const withBadToken = await request(app).get('/api/demo/widgets/1').set('Authorization', 'Bearer bad');

    expect(withToken.status).toBe(200);
    expect(withToken.body.context.actor).toEqual({ userId: 'u-3', role: 'viewer', tenantId: 'tenant-1' });
    expect(withBadToken.status).toBe(200);
    expect(withBadToken.body.context.actor).toBeNull();
  });

  it('lists every route with its permission for the permission table', async () => {
    const routes = demoApi().routes();

    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/api/demo/widgets/:widgetId', operationId: 'demoGetWidget', permission: 'public' },
        { method: 'post', path: '/api/demo/widgets', operationId: 'demoCreateWidget', permission: 'widgets:create' },
        { method: 'delete', path: '/api/demo/widgets/:widgetId', operationId: 'demoDeleteWidget', permission: 'widgets:delete' },
      ]),
    );
    expect(routes).toHaveLength(6);
  });

  it('refuses a second route with the same method and path or operation id, and unsupported path syntax', async () => {
    const api = demoApi();
    const [first] = api.routeDefinitions();
    if (!first) throw new Error('demo api has routes');

    expect(() => api.add({ ...first, operationId: 'another', path: '/api/demo/widgets/:id' })).toThrow(/already registered/);
    expect(() => api.add({ ...first, path: '/api/demo/other' })).toThrow(/Operation id demoGetWidget/);
    expect(() => api.add({ ...first, operationId: 'wild', path: '/api/demo/*rest' })).toThrow(/literal segments/);
    expect(() => api.add({ ...first, operationId: 'slash', path: '/api/demo/other/' })).toThrow(/literal segments/);
  });
});
