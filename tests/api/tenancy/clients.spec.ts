import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { createClient, newClient, readClient } from './tenancy.helpers';

describe('/api/clients', () => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('creates a client (201, id, position) and shows it once the read model reaches the position', async () => {
    const body = newClient({
      name: '  Maji Safi Ltd ',
      paybillNumber: '888880',
      billing: { email: 'Accounts@MajiSafi.example', phone: '+254712345678', taxNumber: 'P051234567X' },
    });
    const res = await app.http.post('/api/clients').set(admin).send(body).expect(201);

    expect(res.body).toEqual({ id: expect.any(String), position: expect.any(Number) });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    const shown = await readClient(app, admin, res.body.id, res.body.position).expect(200);
    expect(shown.body).toEqual({
      id: res.body.id,
      tenantId: res.body.id,
      name: 'Maji Safi Ltd',
      paybillNumber: '888880',
      billing: { contactName: null, email: 'accounts@majisafi.example', phone: '+254712345678', address: null, taxNumber: 'P051234567X' },
      status: 'active',
      hasVendorCredentials: false,
      vendorCredentialsUpdatedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: shown.body.createdAt,
      deactivatedAt: null,
    });
  });

  it('lists clients by name, filtered by status and by a part of the name, in pages', async () => {
    const marker = `Zed${Date.now().toString(36)}`;
    const first = await createClient(app, admin, newClient({ name: `${marker} Alpha Water` }));
    await createClient(app, admin, newClient({ name: `${marker} Beta Water` }));
    const third = await createClient(app, admin, newClient({ name: `${marker} Gamma Water` }));
    const gone = await app.http.delete(`/api/clients/${third.id}`).set(admin).expect(200);
    const list = (query: Record<string, string | number>) =>
      app.http.get('/api/clients').query(query).set(admin).set('Opsledger-Min-Position', String(gone.body.position)).expect(200);

    const all = await list({ search: marker.toLowerCase() });
    expect(all.body.items.map((c: { name: string }) => c.name)).toEqual([`${marker} Alpha Water`, `${marker} Beta Water`, `${marker} Gamma Water`]);
    expect(all.body.total).toBe(3);
    const active = await list({ search: marker, status: 'active' });
    expect(active.body.items.map((c: { name: string }) => c.name)).toEqual([`${marker} Alpha Water`, `${marker} Beta Water`]);
    const deactivated = await list({ search: marker, status: 'deactivated' });
    expect(deactivated.body.items.map((c: { id: string }) => c.id)).toEqual([third.id]);
    const paged = await list({ search: marker, page: 1, pageSize: 2 });
    expect(paged.body).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
    expect(paged.body.items[0].id).toBe(first.id);
  });

  it('rejects malformed bodies with 400 naming every bad field', async () => {
    const bad = await app.http
      .post('/api/clients')
      .set(admin)
      .send({ name: ' ', paybillNumber: '1234', billing: { email: 'nope', fax: '020' }, extra: true });
    expect(invalidFields(bad)).toEqual(expect.arrayContaining(['body:name', 'body:paybillNumber', 'body:billing.email', 'body:billing', 'body:']));

    expect(invalidFields(await app.http.post('/api/clients').set(admin).send({ ...newClient(), paybillNumber: '12345678' }))).toEqual([
      'body:paybillNumber',
    ]);
    expect(invalidFields(await app.http.post('/api/clients').set(admin).send({ ...newClient(), paybillNumber: 888880 }))).toEqual([
      'body:paybillNumber',
    ]);
    expect(invalidFields(await app.http.post('/api/clients').set(admin).send({ name: 'No billing', paybillNumber: '55555' }))).toEqual([
      'body:billing',
    ]);
    const { id } = await createClient(app, admin);
    expect(invalidFields(await app.http.patch(`/api/clients/${id}`).set(admin).send({}))).toEqual(['body:']);
    expect(invalidFields(await app.http.patch(`/api/clients/${id}`).set(admin).send({ paybillNumber: 'abcde' }))).toEqual(['body:paybillNumber']);
    expect(invalidFields(await app.http.get('/api/clients').query({ status: 'gone' }).set(admin))).toEqual(['query:status']);
  });

  it('answers 409 paybill.already_taken for a paybill another client holds, on create and on update', async () => {
    const owner = newClient();
    await createClient(app, admin, owner);
    expectProblem(await app.http.post('/api/clients').set(admin).send(newClient({ paybillNumber: owner.paybillNumber })), 409, 'paybill.already_taken');

    const other = await createClient(app, admin);
    expectProblem(
      await app.http.patch(`/api/clients/${other.id}`).set(admin).send({ paybillNumber: owner.paybillNumber }),
      409,
      'paybill.already_taken',
    );
  });

  it('gives only one of many racing creations a paybill', async () => {
    const paybillNumber = newClient().paybillNumber;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => app.http.post('/api/clients').set(admin).send(newClient({ paybillNumber }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('updates a client, and frees its old paybill for another client', async () => {
    const original = newClient();
    const { id } = await createClient(app, admin, original);
    const changed = await app.http
      .patch(`/api/clients/${id}`)
      .set(admin)
      .send({ name: 'Renamed Water Co', paybillNumber: '4455667', billing: { email: 'new@renamed.example', address: 'Moi Avenue, Nairobi' } })
      .expect(200);
    expect(changed.body).toEqual({ position: expect.any(Number) });

    const shown = await readClient(app, admin, id, changed.body.position).expect(200);
    expect(shown.body).toMatchObject({
      name: 'Renamed Water Co',
      paybillNumber: '4455667',
      billing: { email: 'new@renamed.example', address: 'Moi Avenue, Nairobi', contactName: null },
    });
    expect(shown.body.updatedAt >= shown.body.createdAt).toBe(true);
    await createClient(app, admin, newClient({ paybillNumber: original.paybillNumber }));
    expectProblem(await app.http.post('/api/clients').set(admin).send(newClient({ paybillNumber: '4455667' })), 409, 'paybill.already_taken');
  });

  it('keeps its paybill when "changed" to itself, and claims nothing for a refused change', async () => {
    const body = newClient();
    const { id } = await createClient(app, admin, body);
    await app.http.patch(`/api/clients/${id}`).set(admin).send({ paybillNumber: body.paybillNumber }).expect(200);
    expectProblem(await app.http.post('/api/clients').set(admin).send(newClient({ paybillNumber: body.paybillNumber })), 409, 'paybill.already_taken');

    await app.http.delete(`/api/clients/${id}`).set(admin).expect(200);
    const wanted = newClient().paybillNumber;
    expectProblem(await app.http.patch(`/api/clients/${id}`).set(admin).send({ paybillNumber: wanted }), 409, 'tenant.deactivated');
    await createClient(app, admin, newClient({ paybillNumber: wanted }));
  });

  it('deactivates a client (DELETE) without deleting it, refuses changes while deactivated, and reactivates it', async () => {
    const { id } = await createClient(app, admin);
    const gone = await app.http.delete(`/api/clients/${id}`).set(admin).send({ reason: 'Contract ended' }).expect(200);
    const shown = await readClient(app, admin, id, gone.body.position).expect(200);
    expect(shown.body).toMatchObject({ status: 'deactivated', deactivatedAt: expect.any(String) });

    expectProblem(await app.http.patch(`/api/clients/${id}`).set(admin).send({ name: 'Too late' }), 409, 'tenant.deactivated');
    expectProblem(
      await app.http.put(`/api/clients/${id}/vendor-credentials`).set(admin).send({ username: 'u', password: 'p' }),
      409,
      'tenant.deactivated',
    );
    expectProblem(
      await app.http.post('/api/users').set(admin).send({ email: `op-${id}@maji.example`, name: 'Op', role: 'operator', tenantId: id, password: 'correct horse battery staple' }),
      422,
      'user.unknown_tenant',
    );
    await app.http.delete(`/api/clients/${id}`).set(admin).expect(200);

    const back = await app.http.post(`/api/clients/${id}/activate`).set(admin).expect(200);
    const again = await readClient(app, admin, id, back.body.position).expect(200);
    expect(again.body).toMatchObject({ status: 'active', deactivatedAt: null });
    await app.http.patch(`/api/clients/${id}`).set(admin).send({ name: 'Back in business' }).expect(200);
  });

  it('answers 404 tenant.not_found for an unknown client on every route', async () => {
    const unknown = 'no-such-client';
    expectProblem(await app.http.get(`/api/clients/${unknown}`).set(admin), 404, 'tenant.not_found');
    expectProblem(await app.http.get(`/api/clients/${unknown}/stats`).set(admin), 404, 'tenant.not_found');
    expectProblem(await app.http.patch(`/api/clients/${unknown}`).set(admin).send({ name: 'X' }), 404, 'tenant.not_found');
    expectProblem(await app.http.delete(`/api/clients/${unknown}`).set(admin), 404, 'tenant.not_found');
    expectProblem(await app.http.post(`/api/clients/${unknown}/activate`).set(admin), 404, 'tenant.not_found');
    expectProblem(
      await app.http.put(`/api/clients/${unknown}/vendor-credentials`).set(admin).send({ username: 'u', password: 'p' }),
      404,
      'tenant.not_found',
    );
  });

  it('answers a retried creation with the same Idempotency-Key once', async () => {
    const key = { 'Idempotency-Key': 'create-client-once' };
    const body = newClient();
    const first = await app.http.post('/api/clients').set(admin).set(key).send(body).expect(201);
    const retry = await app.http.post('/api/clients').set(admin).set(key).send(body).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expectProblem(await app.http.post('/api/clients').set(admin).set(key).send(newClient()), 422, 'idempotency.key_reused');
  });

  it("counts a client's users by role and by status", async () => {
    const { id } = await createClient(app, admin);
    await app.tenantUserToken('client_admin', id);
    await app.tenantUserToken('operator', id);
    const engineer = await app.tenantUserToken('field_engineer', id);
    await app.tenantUserToken('operator');
    const off = await app.http.post(`/api/users/${engineer.userId}/deactivate`).set(admin).send({}).expect(200);

    const stats = await app.http.get(`/api/clients/${id}/stats`).set(admin).set('Opsledger-Min-Position', String(off.body.position)).expect(200);
    expect(stats.body).toEqual({
      tenantId: id,
      users: {
        total: 3,
        byRole: { client_admin: 1, operator: 1, field_engineer: 1, read_only: 0 },
        byStatus: { active: 2, deactivated: 1 },
      },
    });
  });
});
