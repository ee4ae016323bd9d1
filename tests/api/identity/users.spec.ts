import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { passwordLeaks } from './identity.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

describe('/api/users', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const createUser = (body: Record<string, unknown>, auth = admin) => app.http.post('/api/users').set(auth).send(body);
  const newUser = (email: string, role = 'wholesaler') => ({ email, name: `User ${email}`, role, password: TEST_PASSWORD });

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('creates a user with a role (201, id, position) who can then log in with it', async () => {
    const res = await createUser(newUser('Maria.Kamau@Shop.Example')).expect(201);

    expect(res.body).toEqual({ id: expect.any(String), position: expect.any(Number) });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    const login = await app.http.post('/api/auth/login').send({ email: 'maria.kamau@shop.example', password: TEST_PASSWORD }).expect(200);
    expect(login.body.user).toMatchObject({ id: res.body.id, email: 'maria.kamau@shop.example', role: 'wholesaler' });
  });

  it('shows the created user by id once the read model reaches the position, without a password hash', async () => {
    const created = await createUser(newUser('reader@users.example', 'consumer')).expect(201);

    const res = await app.http
      .get(`/api/users/${created.body.id}`)
      .set(admin)
      .set('Opsledger-Min-Position', String(created.body.position))
      .expect(200);

    expect(res.body).toEqual({
      id: created.body.id,
      email: 'reader@users.example',
      phone: null,
      name: 'User reader@users.example',
      role: 'consumer',
      tenantId: null,
      status: 'active',
      referralCode: expect.stringMatching(/^REF-/),
      registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(passwordLeaks(res.body)).toEqual([]);
    expect(res.text).not.toContain(TEST_PASSWORD);
  });

  it('answers a retried creation with the same Idempotency-Key once, and refuses the key for another email', async () => {
    const key = { 'Idempotency-Key': 'create-user-once' };
    const first = await app.http.post('/api/users').set(admin).set(key).send(newUser('once@users.example')).expect(201);
    const retry = await app.http.post('/api/users').set(admin).set(key).send(newUser('once@users.example')).expect(201);
    expect(retry.body.id).toBe(first.body.id);

    expectProblem(await app.http.post('/api/users').set(admin).set(key).send(newUser('other@users.example')), 422, 'idempotency.key_reused');
    expectProblem(
      await app.http.post('/api/auth/login').send({ email: 'other@users.example', password: TEST_PASSWORD }),
      401,
      'auth.invalid_credentials',
    );
  });

  it('answers 409 useremail.already_taken for a duplicate email, whatever its case', async () => {
    await createUser(newUser('twice@users.example')).expect(201);

    expectProblem(await createUser(newUser('twice@users.example', 'consumer')), 409, 'useremail.already_taken');
    expectProblem(await createUser(newUser('TWICE@Users.Example')), 409, 'useremail.already_taken');
    expectProblem(await createUser(newUser('admin@test.example', 'admin')), 409, 'useremail.already_taken');
  });

  it('rejects a weak password with 422 user.weak_password listing the rules it breaks, and creates nobody', async () => {
    const res = await createUser({ ...newUser('weak@users.example'), password: 'short' });

    expectProblem(res, 422, 'user.weak_password');
    expect(res.body.details.violations).toEqual([{ rule: 'too_short', message: expect.any(String) }]);
    const login = await app.http.post('/api/auth/login').send({ email: 'weak@users.example', password: 'short' });
    expectProblem(login, 401, 'auth.invalid_credentials');
  });

  it('rejects a malformed body with 400 naming every bad field', async () => {
    const res = await createUser({ email: 'nope', name: '   ', role: '', password: TEST_PASSWORD });

    expect(invalidFields(res)).toEqual(expect.arrayContaining(['body:email', 'body:name', 'body:role']));
    expectProblem(await createUser(newUser('unknown-role@users.example', 'superuser')), 422, 'user.unknown_role');
    expectProblem(await createUser({ ...newUser('extra@users.example'), isAdmin: true }), 400, 'validation.failed');
  });

  it('is for admins only: 401 anonymous, 403 auth.forbidden for other roles', async () => {
    expectProblem(await app.http.post('/api/users').send(newUser('anon@users.example')), 401, 'auth.unauthenticated');
    for (const role of ['wholesaler', 'consumer'] as const) {
      const { token } = await app.userToken(role);
      expectProblem(await createUser(newUser(`by-${role}@users.example`, 'admin'), bearer(token)), 403, 'auth.forbidden');
      expectProblem(await app.http.get('/api/users').set(bearer(token)), 403, 'auth.forbidden');
    }
  });

  it('answers 404 user.not_found for an unknown id', async () => {
    expectProblem(await app.http.get('/api/users/no-such-user').set(admin), 404, 'user.not_found');
  });

  describe('listing', () => {
    const domain = 'pager.example';
    let lastPosition = 0;
    beforeAll(async () => {
      const specs: [string, string][] = [
        ['alice', 'wholesaler'],
        ['bob', 'consumer'],
        ['carol', 'wholesaler'],
        ['dave', 'consumer'],
        ['erin', 'wholesaler'],
      ];
      for (const [name, role] of specs) {
        const res = await createUser(newUser(`${name}@${domain}`, role)).expect(201);
        lastPosition = Math.max(lastPosition, res.body.position as number);
      }
    });
    const list = (query: Record<string, string | number>) =>
      app.http.get('/api/users').query(query).set(admin).set('Opsledger-Min-Position', String(lastPosition)).expect(200);

    it('searches by email and pages the result, sorted by email', async () => {
      const first = await list({ search: domain, pageSize: 2 });
      const last = await list({ search: domain, pageSize: 2, page: 3 });

      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 5, totalPages: 3 });
      expect(first.body.items.map((u: { email: string }) => u.email)).toEqual([`alice@${domain}`, `bob@${domain}`]);
      expect(last.body).toMatchObject({ page: 3, total: 5 });
      expect(last.body.items.map((u: { email: string }) => u.email)).toEqual([`erin@${domain}`]);
      expect(passwordLeaks(first.body)).toEqual([]);
    });

    it('filters by role and status', async () => {
      const consumers = await list({ search: domain, role: 'consumer' });
      const active = await list({ search: domain, status: 'active' });
      const deactivated = await list({ search: domain, status: 'deactivated' });

      expect(consumers.body.items.map((u: { email: string }) => u.email)).toEqual([`bob@${domain}`, `dave@${domain}`]);
      expect(active.body.total).toBe(5);
      expect(deactivated.body).toMatchObject({ total: 0, items: [], totalPages: 0 });
    });

    it('answers an empty page past the end', async () => {
      const res = await list({ search: domain, page: 9, pageSize: 2 });

      expect(res.body).toMatchObject({ page: 9, items: [], total: 5, totalPages: 3 });
    });

    it('lists everyone by default with the default page size', async () => {
      const res = await list({});

      expect(res.body.pageSize).toBe(20);
      expect(res.body.total).toBeGreaterThanOrEqual(6);
      expect(res.body.items.map((u: { email: string }) => u.email)).toContain('admin@test.example');
    });

    it('rejects bad query parameters with 400', async () => {
      const res = await app.http.get('/api/users').query({ page: 0, pageSize: 201, role: 'r'.repeat(41) }).set(admin);

      expect(invalidFields(res)).toEqual(expect.arrayContaining(['query:page', 'query:pageSize', 'query:role']));
    });
  });
});
