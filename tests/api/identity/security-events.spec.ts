import type { RecordedEvent } from '../../../src/application/shared/ports/event-store.port';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { STRONG_PASSWORD } from './account.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

const USER_IP = '203.0.113.7';
const ADMIN_IP = '198.51.100.2';
const USER_AGENT = 'SecuritySpec/1.0 (phone)';
const ADMIN_AGENT = 'SecuritySpec/1.0 (admin console)';
const NEW_PASSWORD = 'a fresh and unusual phrase';

interface SecurityEvent {
  id: string;
  userId: string;
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  clientIp: string | null;
  userAgent: string | null;
  correlationId: string;
  details: Record<string, unknown>;
}

describe('GET /api/users/:id/security-events', () => {
  let app: TestApp;
  let adminId: string;
  let userId: string;
  let lastPosition: number;
  const email = 'audited@security.example';
  /** A request from the user's phone, or from the admin's console, each with its own address and correlation id. */
  const fromUser = (correlationId: string) => ({ 'User-Agent': USER_AGENT, 'X-Forwarded-For': USER_IP, 'X-Correlation-Id': correlationId });
  const fromAdmin = (correlationId: string) => ({
    ...bearer(app.adminToken),
    'User-Agent': ADMIN_AGENT,
    'X-Forwarded-For': ADMIN_IP,
    'X-Correlation-Id': correlationId,
  });
  const securityEvents = (id: string, token = app.adminToken, query: Record<string, string | number> = {}) =>
    app.http
      .get(`/api/users/${id}/security-events`)
      .query(query)
      .set(bearer(token))
      .set('Opsledger-Min-Position', String(lastPosition));

  beforeAll(async () => {
    // Trusting the loopback proxy lets each request name its client address in X-Forwarded-For.
    app = await startTestApp({ TRUST_PROXY: 'loopback' });
    adminId = (await app.http.get('/api/auth/me').set(bearer(app.adminToken)).expect(200)).body.id;
    const created = await app.http
      .post('/api/users')
      .set(fromAdmin('sec-create'))
      .send({ email, name: 'Audited User', role: 'wholesaler', password: STRONG_PASSWORD })
      .expect(201);
    userId = created.body.id;

    const session = await app.http.post('/api/auth/login').set(fromUser('sec-login')).send({ email, password: STRONG_PASSWORD }).expect(200);
    await app.http.post('/api/auth/login').set(fromUser('sec-login-failed')).send({ email, password: 'a wrong guess' }).expect(401);
    await app.http
      .post('/api/auth/password/change')
      .set(fromUser('sec-password'))
      .set(bearer(session.body.accessToken))
      .send({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(200);
    await app.http.post(`/api/users/${userId}/role`).set(fromAdmin('sec-role')).send({ role: 'sales_rep' }).expect(200);
    const deactivated = await app.http.post(`/api/users/${userId}/deactivate`).set(fromAdmin('sec-deactivate')).send({ reason: 'left' }).expect(200);
    lastPosition = deactivated.body.position;
  });
  afterAll(() => app.close());

  it('lists what happened to the account, newest first, with actor, client address, user agent and correlation id', async () => {
    const res = await securityEvents(userId).expect(200);

    const byUser = { actorId: null, actorRole: null, clientIp: USER_IP, userAgent: USER_AGENT };
    const byThemselves = { actorId: userId, actorRole: 'wholesaler', clientIp: USER_IP, userAgent: USER_AGENT };
    const byAdmin = { actorId: adminId, actorRole: 'admin', clientIp: ADMIN_IP, userAgent: ADMIN_AGENT };
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 8, totalPages: 1 });
    expect(res.body.items).toEqual(
      [
        { type: 'deactivated', ...byAdmin, correlationId: 'sec-deactivate', details: { reason: 'left' } },
        {
          type: 'role_changed',
          ...byAdmin,
          correlationId: 'sec-role',
          details: { previousRole: 'wholesaler', role: 'sales_rep', previousTenantId: null, tenantId: null },
        },
        // The change answers a fresh session for the caller: a login by password.
        { type: 'login', ...byThemselves, correlationId: 'sec-password', details: { method: 'password', sessionId: expect.any(String) } },
        { type: 'sessions_revoked', ...byThemselves, correlationId: 'sec-password', details: { reason: 'password_changed' } },
        { type: 'password_changed', ...byThemselves, correlationId: 'sec-password', details: { reason: 'changed' } },
        { type: 'login_failed', ...byUser, correlationId: 'sec-login-failed', details: { reason: 'wrong_password' } },
        // A login is made by the account itself; a failed one by someone not yet known.
        { type: 'login', ...byThemselves, correlationId: 'sec-login', details: { method: 'password', sessionId: expect.any(String) } },
        {
          type: 'registered',
          ...byAdmin,
          correlationId: 'sec-create',
          details: { email, phone: null, role: 'wholesaler', tenantId: null, referredBy: null, registeredBy: adminId },
        },
      ].map((expected) => ({ id: expect.any(String), userId, occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), position: expect.any(Number), ...expected })),
    );
    const items = res.body.items as SecurityEvent[];
    expect(new Set(items.map((item) => item.id)).size).toBe(8);
    expect([...items].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))).toEqual(items);
    expect(res.text).not.toMatch(/passwordHash|scrypt/);
  });

  it('filters by type and pages', async () => {
    const logins = await securityEvents(userId, app.adminToken, { type: 'login' }).expect(200);
    const page2 = await securityEvents(userId, app.adminToken, { pageSize: 3, page: 2 }).expect(200);

    expect(logins.body.items.map((item: SecurityEvent) => item.correlationId)).toEqual(['sec-password', 'sec-login']);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 8, totalPages: 3 });
    expect(page2.body.items.map((item: SecurityEvent) => item.type)).toEqual(['sessions_revoked', 'password_changed', 'login_failed']);
  });

  it('rejects an unknown type and bad paging with 400', async () => {
    expect(invalidFields(await securityEvents(userId, app.adminToken, { type: 'hacked', page: 0 }))).toEqual(
      expect.arrayContaining(['query:type', 'query:page']),
    );
  });

  it('records logouts, refresh-token reuse and profile changes too', async () => {
    const owner = await app.http
      .post('/api/auth/register')
      .set(fromUser('sec-register'))
      .send({ name: 'Self Starter', email: 'self@security.example', password: STRONG_PASSWORD })
      .expect(201);
    const auth = bearer(owner.body.accessToken);
    const rotated = await app.http.post('/api/auth/refresh').send({ refreshToken: owner.body.refreshToken }).expect(200);
    await app.http.post('/api/auth/refresh').set(fromUser('sec-reuse')).send({ refreshToken: owner.body.refreshToken }).expect(401);
    const other = await app.http.post('/api/auth/login').send({ email: 'self@security.example', password: STRONG_PASSWORD }).expect(200);
    await app.http.post('/api/auth/logout').set(auth).set(fromUser('sec-logout')).send({ refreshToken: other.body.refreshToken }).expect(200);
    const patched = await app.http.patch('/api/auth/me').set(auth).set(fromUser('sec-profile')).send({ name: 'Self Finisher', phone: '0799000111' }).expect(200);
    lastPosition = patched.body.position;

    const res = await securityEvents(owner.body.user.id).expect(200);

    expect(rotated.body.refreshToken).not.toBe(owner.body.refreshToken);
    expect(res.body.items.map((item: SecurityEvent) => [item.type, item.details])).toEqual([
      ['profile_changed', { fields: ['name', 'phone'], changes: { name: 'Self Finisher', phone: '+254799000111' } }],
      ['logout', { reason: 'logout', sessionId: expect.any(String) }],
      ['login', { method: 'password', sessionId: expect.any(String) }],
      ['refresh_token_reused', { reason: 'refresh_token_reused', sessionId: expect.any(String) }],
      ['login', { method: 'registration', sessionId: expect.any(String) }],
      ['registered', { email: 'self@security.example', phone: null, role: 'consumer', tenantId: null, referredBy: null, registeredBy: null }],
    ]);
    expect(res.body.items[0]).toMatchObject({ actorId: owner.body.user.id, actorRole: 'consumer', correlationId: 'sec-profile' });
  });

  it('is refused to roles without security:read: 403 auth.forbidden, and to anonymous callers: 401', async () => {
    for (const role of ['wholesaler', 'support_agent', 'consumer']) {
      const { token } = await app.userToken(role);
      expectProblem(await securityEvents(userId, token), 403, 'auth.forbidden');
    }
    expectProblem(await app.http.get(`/api/users/${userId}/security-events`), 401, 'auth.unauthenticated');
  });

  it('answers 404 user.not_found for an unknown user', async () => {
    expectProblem(await securityEvents('no-such-user'), 404, 'user.not_found');
  });

  describe('for a tenant administrator', () => {
    let tenantAdminToken: string;
    let ownOperatorId: string;
    let foreignOperatorId: string;
    beforeAll(async () => {
      const client = async (n: number) =>
        (
          await app.http
            .post('/api/clients')
            .set(bearer(app.adminToken))
            .send({ name: `Security Client ${n}`, paybillNumber: String(880000 + n), billing: { email: `billing-${n}@security.example` } })
            .expect(201)
        ).body.id as string;
      const user = async (tenantId: string, role: string, who: string) =>
        app.http
          .post('/api/users')
          .set(bearer(app.adminToken))
          .send({ email: `${who}@security.example`, name: who, role, tenantId, password: TEST_PASSWORD })
          .expect(201);
      const [own, foreign] = [await client(1), await client(2)];
      await user(own, 'client_admin', 'tenant-admin');
      ownOperatorId = (await user(own, 'operator', 'own-operator')).body.id;
      const last = await user(foreign, 'operator', 'foreign-operator');
      foreignOperatorId = last.body.id;
      lastPosition = last.body.position;
      tenantAdminToken = (
        await app.http.post('/api/auth/login').send({ email: 'tenant-admin@security.example', password: TEST_PASSWORD }).expect(200)
      ).body.accessToken;
    });

    it("shows their own tenant's users", async () => {
      const res = await securityEvents(ownOperatorId, tenantAdminToken).expect(200);

      expect(res.body.items.map((item: SecurityEvent) => item.type)).toEqual(['registered']);
    });

    it("answers 404 user.not_found for another tenant's user and for users of no tenant, exactly as for a missing one", async () => {
      for (const id of [foreignOperatorId, userId, adminId]) {
        expectProblem(await securityEvents(id, tenantAdminToken), 404, 'user.not_found');
      }
    });
  });

  describe('stored metadata', () => {
    const metadataOf = (events: readonly RecordedEvent[]) => events.map(({ type, metadata }) => ({ type, ...metadata }));

    it('carries actor, role, tenant, client address, user agent and correlation id on every identity event', async () => {
      const userStream = await app.opsledger.eventStore.readStream(`user-${userId}`);
      const listed = (await securityEvents(userId).expect(200)).body.items as SecurityEvent[];
      const sessionIds = listed.filter((item) => item.type === 'login').map((item) => item.details['sessionId'] as string);
      const sessionStreams = await Promise.all(sessionIds.map((id) => app.opsledger.eventStore.readStream(`session-${id}`)));

      const byAdmin = { actorId: adminId, actorRole: 'admin', tenantId: null, clientIp: ADMIN_IP, userAgent: ADMIN_AGENT };
      const byThemselves = { actorId: userId, actorRole: 'wholesaler', tenantId: null, clientIp: USER_IP, userAgent: USER_AGENT };
      const anonymous = { actorId: null, actorRole: null, tenantId: null, clientIp: USER_IP, userAgent: USER_AGENT };
      expect(metadataOf(userStream)).toEqual([
        expect.objectContaining({ type: 'UserRegistered', ...byAdmin, correlationId: 'sec-create' }),
        expect.objectContaining({ type: 'UserLoginFailed', ...anonymous, correlationId: 'sec-login-failed' }),
        expect.objectContaining({ type: 'UserPasswordChanged', ...byThemselves, correlationId: 'sec-password' }),
        expect.objectContaining({ type: 'UserSessionsRevoked', ...byThemselves, correlationId: 'sec-password' }),
        expect.objectContaining({ type: 'UserRoleChanged', ...byAdmin, correlationId: 'sec-role' }),
        expect.objectContaining({ type: 'UserDeactivated', ...byAdmin, correlationId: 'sec-deactivate' }),
      ]);
      expect(sessionStreams.map(metadataOf)).toEqual([
        [expect.objectContaining({ type: 'SessionStarted', ...byThemselves, correlationId: 'sec-password' })],
        [expect.objectContaining({ type: 'SessionStarted', ...byThemselves, correlationId: 'sec-login' })],
      ]);
      for (const { metadata } of [...userStream, ...sessionStreams.flat()]) {
        expect(metadata).toEqual(
          expect.objectContaining({ eventId: expect.any(String), occurredAt: expect.any(String), causationId: expect.any(String), schemaVersion: 1 }),
        );
        expect(JSON.stringify(metadata)).not.toContain('scrypt');
      }
    });
  });
});
