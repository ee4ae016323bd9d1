import { PERMISSIONS } from '../../../src/application/identity/permission-table';
import { BUILT_IN_ROLES } from '../../../src/domain/identity/roles';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { createClient } from '../tenancy/tenancy.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

describe('/api/roles and /api/permissions', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const defineRole = (body: Record<string, unknown>, auth = admin) => app.http.post('/api/roles').set(auth).send(body);
  const atPosition = (position: number) => ({ ...admin, 'Opsledger-Min-Position': String(position) });

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('gives a custom role exactly its permissions; changes apply at the next request; retiring takes them all', async () => {
    await defineRole({ name: 'stock_viewer', description: 'Looks at stock', permissions: ['auth:self', 'inventory:read'] }).expect(201);
    const holder = bearer((await app.userToken('stock_viewer')).token);

    await app.http.get('/api/inventory/models').set(holder).expect(200);
    await app.http.get('/api/auth/me').set(holder).expect(200);
    expectProblem(await app.http.get('/api/users').set(holder), 403, 'auth.forbidden');
    expectProblem(await app.http.get('/api/warranty').set(holder), 403, 'auth.forbidden');

    await app.http.patch('/api/roles/stock_viewer').set(admin).send({ permissions: ['auth:self', 'inventory:read', 'warranty:read'] }).expect(200);
    await app.http.get('/api/warranty').set(holder).expect(200);

    const retired = await app.http.delete('/api/roles/stock_viewer').set(admin).expect(200);
    expect(retired.body).toEqual({ position: expect.any(Number) });
    expectProblem(await app.http.get('/api/inventory/models').set(holder), 403, 'auth.forbidden');
    expectProblem(await app.http.get('/api/auth/me').set(holder), 403, 'auth.forbidden');
  });

  it('answers 201 with the name and position, and shows the role once the read model reaches it', async () => {
    const res = await defineRole({ name: 'field_auditor', description: 'Audits warranties', permissions: ['warranty:read'], tenantScoped: true }).expect(201);

    expect(res.body).toEqual({ name: 'field_auditor', position: expect.any(Number) });
    const role = await app.http.get('/api/roles/field_auditor').set(atPosition(res.body.position)).expect(200);
    expect(role.body).toEqual({
      id: 'field_auditor',
      name: 'field_auditor',
      description: 'Audits warranties',
      permissions: ['warranty:read'],
      tenantScoped: true,
      builtIn: false,
      status: 'active',
      definedAt: expect.any(String),
      retiredAt: null,
    });
  });

  it('refuses a built-in name (409), an existing name (409) and unknown permissions (422, naming them)', async () => {
    expectProblem(await defineRole({ name: 'wholesaler', permissions: ['auth:self'] }), 409, 'role.built_in');
    await defineRole({ name: 'night_shift', permissions: ['auth:self'] }).expect(201);
    expectProblem(await defineRole({ name: 'night_shift', permissions: ['auth:self'] }), 409, 'role.already_exists');

    const unknown = await defineRole({ name: 'dreamer', permissions: ['auth:self', 'moon:land', 'sun:touch'] });
    expectProblem(unknown, 422, 'role.unknown_permission');
    expect(unknown.body.details.permissions).toEqual(['moon:land', 'sun:touch']);
    expectProblem(await app.http.patch('/api/roles/night_shift').set(admin).send({ permissions: ['moon:land'] }), 422, 'role.unknown_permission');
  });

  it('validates bodies at the edge (400)', async () => {
    expect(invalidFields(await defineRole({ name: 'Bad Name!', permissions: [] }))).toEqual(['body:name', 'body:permissions']);
    expect(invalidFields(await app.http.patch('/api/roles/night_shift').set(admin).send({}))).toEqual(['body:']);
  });

  it('keeps built-in roles out of reach of changes and retirement (409), and answers 404 for unknown roles', async () => {
    expectProblem(await app.http.patch('/api/roles/admin').set(admin).send({ description: 'x' }), 409, 'role.built_in');
    expectProblem(await app.http.delete('/api/roles/consumer').set(admin), 409, 'role.built_in');
    expectProblem(await app.http.patch('/api/roles/ghost_role').set(admin).send({ description: 'x' }), 404, 'role.not_found');
    expectProblem(await app.http.delete('/api/roles/ghost_role').set(admin), 404, 'role.not_found');
    expectProblem(await app.http.get('/api/roles/ghost_role').set(admin), 404, 'role.not_found');
  });

  it('lets nobody define or widen a role beyond their own permissions (403)', async () => {
    await defineRole({ name: 'role_keeper', permissions: ['auth:self', 'roles:read', 'roles:manage', 'inventory:read'] }).expect(201);
    const keeper = bearer((await app.userToken('role_keeper')).token);

    await defineRole({ name: 'stock_reader', permissions: ['inventory:read'] }, keeper).expect(201);
    const beyond = await defineRole({ name: 'user_reader', permissions: ['inventory:read', 'users:read'] }, keeper);
    expectProblem(beyond, 403, 'role.exceeds_own');
    expectProblem(await app.http.patch('/api/roles/stock_reader').set(keeper).send({ permissions: ['users:read'] }), 403, 'role.exceeds_own');
    expectProblem(await app.http.delete('/api/roles/field_auditor').set(keeper), 403, 'role.exceeds_own');
    await app.http.delete('/api/roles/stock_reader').set(keeper).expect(200);
  });

  it("lets a tenant's role managers define only tenant-scoped roles", async () => {
    const tenant = await createClient(app, admin);
    await defineRole({ name: 'tenant_role_admin', permissions: ['auth:self', 'roles:manage', 'tenants:read'], tenantScoped: true }).expect(201);
    const email = 'role-admin@tenant.example';
    const user = { email, name: 'Tenant Role Admin', role: 'tenant_role_admin', tenantId: tenant.id, password: TEST_PASSWORD };
    await app.http.post('/api/users').set(admin).send(user).expect(201);
    const login = await app.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const tenantAdmin = bearer(login.body.accessToken as string);

    expectProblem(await defineRole({ name: 'tenant_wide', permissions: ['tenants:read'] }, tenantAdmin), 403, 'role.outside_tenant');
    await defineRole({ name: 'tenant_reader', permissions: ['tenants:read'], tenantScoped: true }, tenantAdmin).expect(201);
  });

  it('lists built-in roles first, then active custom roles by name, paged; retired ones on request', async () => {
    await defineRole({ name: 'zz_retiree', permissions: ['auth:self'] }).expect(201);
    const retired = await app.http.delete('/api/roles/zz_retiree').set(admin).expect(200);

    const first = await app.http.get('/api/roles?pageSize=200').set(atPosition(retired.body.position)).expect(200);
    expect(first.body.items.slice(0, BUILT_IN_ROLES.length).map((r: { name: string; builtIn: boolean }) => [r.name, r.builtIn])).toEqual(
      BUILT_IN_ROLES.map((name) => [name, true]),
    );
    const customNames = first.body.items.slice(BUILT_IN_ROLES.length).map((r: { name: string }) => r.name);
    expect(customNames).toEqual([...customNames].sort());
    expect(customNames).not.toContain('zz_retiree');
    expect(first.body.total).toBe(BUILT_IN_ROLES.length + customNames.length);
    expect(first.body.items.find((r: { name: string }) => r.name === 'admin').permissions).toEqual([...PERMISSIONS]);

    const page = await app.http.get('/api/roles?page=2&pageSize=10').set(admin).expect(200);
    expect(page.body.items.map((r: { name: string }) => r.name)).toEqual([BUILT_IN_ROLES[10], ...customNames.slice(0, 9)]);

    const retiredList = await app.http.get('/api/roles?status=retired').set(admin).expect(200);
    expect(retiredList.body.items.map((r: { name: string; status: string }) => [r.name, r.status])).toContainEqual(['zz_retiree', 'retired']);
    expect(retiredList.body.items.every((r: { builtIn: boolean }) => !r.builtIn)).toBe(true);
  });

  it('describes built-in roles by name', async () => {
    const res = await app.http.get('/api/roles/operator').set(admin).expect(200);

    expect(res.body).toMatchObject({ name: 'operator', builtIn: true, tenantScoped: true, status: 'active', permissions: ['auth:self', 'tenants:read'] });
  });

  it('lists every permission with a description and the built-in roles that hold it', async () => {
    const res = await app.http.get('/api/permissions').set(admin).expect(200);

    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual([...PERMISSIONS]);
    for (const permission of res.body.items) expect(permission.description).toEqual(expect.stringMatching(/\S/));
    expect(res.body.items.find((p: { name: string }) => p.name === 'wholesaler-applications:apply').roles).toEqual(['admin', 'consumer']);
  });

  it('keeps /api/groups as a deprecated alias for listing and defining roles', async () => {
    const created = await app.http.post('/api/groups').set(admin).send({ name: 'legacy_group', permissions: ['auth:self'] }).expect(201);

    const list = await app.http.get('/api/groups?pageSize=200').set(atPosition(created.body.position)).expect(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toContain('legacy_group');
  });

  it('lets only holders of roles:read and roles:manage in', async () => {
    const consumer = bearer((await app.userToken('consumer')).token);
    const wholesaler = bearer((await app.userToken('wholesaler')).token);

    expectProblem(await app.http.get('/api/roles').set(consumer), 403, 'auth.forbidden');
    expectProblem(await app.http.get('/api/permissions').set(wholesaler), 403, 'auth.forbidden');
    expectProblem(await defineRole({ name: 'sneaky', permissions: ['auth:self'] }, consumer), 403, 'auth.forbidden');
  });
});
