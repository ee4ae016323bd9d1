import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { createClient, newClient } from './tenancy.helpers';

/** Two clients, each with its own client_admin: what one tenant's users may see and do of the other's. */
describe('tenant isolation', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let tenantA: string;
  let tenantB: string;
  let adminA: Record<string, string>;
  let userB: string;
  let position: number;

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
    tenantA = (await createClient(app, admin, newClient({ name: 'Alpha Water' }))).id;
    tenantB = (await createClient(app, admin, newClient({ name: 'Bravo Water' }))).id;
    adminA = bearer((await app.tenantUserToken('client_admin', tenantA)).token);
    userB = (await app.tenantUserToken('client_admin', tenantB)).userId;
    const operatorB = await app.http
      .post('/api/users')
      .set(admin)
      .send({ email: 'operator@bravo.example', name: 'Bravo Operator', role: 'operator', tenantId: tenantB, password: TEST_PASSWORD })
      .expect(201);
    position = operatorB.body.position;
  });
  afterAll(() => app.close());

  const asA = (req: ReturnType<TestApp['http']['get']>) => req.set(adminA).set('Opsledger-Min-Position', String(position));

  it("lists only the caller's own client", async () => {
    const res = await asA(app.http.get('/api/clients')).expect(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([tenantA]);
    expect(res.body.total).toBe(1);

    const all = await app.http.get('/api/clients').set(admin).set('Opsledger-Min-Position', String(position)).expect(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([tenantA, tenantB]));
  });

  it("shows the caller's own client and answers 404 for the other one, as for an unknown id", async () => {
    await asA(app.http.get(`/api/clients/${tenantA}`)).expect(200);
    await asA(app.http.get(`/api/clients/${tenantA}/stats`)).expect(200);
    expectProblem(await asA(app.http.get(`/api/clients/${tenantB}`)), 404, 'tenant.not_found');
    expectProblem(await asA(app.http.get(`/api/clients/${tenantB}/stats`)), 404, 'tenant.not_found');
  });

  it("lists only the own tenant's users, even when asked for the other tenant", async () => {
    for (const query of [{}, { tenantId: tenantB }]) {
      const res = await asA(app.http.get('/api/users').query(query)).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.map((u: { tenantId: string }) => u.tenantId)).toEqual(res.body.items.map(() => tenantA));
    }
  });

  it("answers 404 for the other tenant's user, reading or changing it", async () => {
    expectProblem(await asA(app.http.get(`/api/users/${userB}`)), 404, 'user.not_found');
    expectProblem(await app.http.patch(`/api/users/${userB}`).set(adminA).send({ name: 'Taken over' }), 404, 'user.not_found');
  });

  it('refuses (403) to create a user in the other tenant', async () => {
    const res = await app.http
      .post('/api/users')
      .set(adminA)
      .send({ email: 'intruder@alpha.example', name: 'Intruder', role: 'operator', tenantId: tenantB, password: TEST_PASSWORD });
    expectProblem(res, 403, 'user.outside_tenant');
  });

  it("creates an operator in the caller's own tenant by default", async () => {
    const created = await app.http
      .post('/api/users')
      .set(adminA)
      .send({ email: 'operator@alpha.example', name: 'Alpha Operator', role: 'operator', password: TEST_PASSWORD })
      .expect(201);
    const shown = await app.http.get(`/api/users/${created.body.id}`).set(adminA).set('Opsledger-Min-Position', String(created.body.position)).expect(200);
    expect(shown.body).toMatchObject({ role: 'operator', tenantId: tenantA });
  });

  it('refuses (403 user.role_exceeds_own) to create an admin', async () => {
    const res = await app.http
      .post('/api/users')
      .set(adminA)
      .send({ email: 'root@alpha.example', name: 'Would-be Root', role: 'admin', password: TEST_PASSWORD });
    expectProblem(res, 403, 'user.role_exceeds_own');
  });

  it("refuses (403) a tenant's administrator any change to clients", async () => {
    expectProblem(await app.http.post('/api/clients').set(adminA).send(newClient()), 403, 'auth.forbidden');
    expectProblem(await app.http.patch(`/api/clients/${tenantA}`).set(adminA).send({ name: 'Mine now' }), 403, 'auth.forbidden');
  });
});
