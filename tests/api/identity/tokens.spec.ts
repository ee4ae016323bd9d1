import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { passwordLeaks, signedToken, unsignedToken } from './identity.helpers';
import { bearer, expectProblem } from './problem.helpers';

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

describe('bearer tokens: /api/auth/me and refresh', () => {
  let app: TestApp;
  let session: Session;
  const login = async (): Promise<Session> =>
    (await app.http.post('/api/auth/login').send({ email: 'admin@test.example', password: TEST_PASSWORD }).expect(200)).body as Session;
  beforeAll(async () => {
    app = await startTestApp();
    session = await login();
  });
  afterAll(() => app.close());

  describe('GET /api/auth/me', () => {
    it('answers the caller for a valid token, without a password hash', async () => {
      const res = await app.http.get('/api/auth/me').set(bearer(session.accessToken)).expect(200);

      expect(res.body).toEqual({
        id: session.user.id,
        email: 'admin@test.example',
        phone: null,
        name: 'Test Admin',
        role: 'admin',
        tenantId: null,
        status: 'active',
        referralCode: expect.stringMatching(/^REF-/),
        registeredAt: expect.any(String),
      });
      expect(passwordLeaks(res.body)).toEqual([]);
    });

    it('answers the same on the warehouse seed\'s /api/users/me, which is never read as a user id', async () => {
      const { token, userId } = await app.userToken('sales_rep');

      const res = await app.http.get('/api/users/me/').set(bearer(token)).expect(200);

      expect(res.body).toMatchObject({ id: userId, role: 'sales_rep' });
    });

    it('answers each role its own account', async () => {
      const { token, userId } = await app.userToken('consumer');

      const res = await app.http.get('/api/auth/me').set(bearer(token)).expect(200);

      expect(res.body).toMatchObject({ id: userId, role: 'consumer' });
    });

    it('answers 401 auth.unauthenticated with a Bearer challenge without a token', async () => {
      const res = await app.http.get('/api/auth/me');

      expectProblem(res, 401, 'auth.unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([
      ['a garbage token', () => 'garbage'],
      ['a token of three garbage parts', () => 'aaa.bbb.ccc'],
      ['a truncated signature', () => session.accessToken.slice(0, -4)],
    ])('answers 401 auth.invalid_token for %s', async (_label, token) => {
      const res = await app.http.get('/api/auth/me').set(bearer(token()));

      expectProblem(res, 401, 'auth.invalid_token');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('accepts a token signed with the real secret (the control for the forgeries below)', async () => {
      const genuine = signedToken({}, { subject: session.user.id });

      await app.http.get('/api/auth/me').set(bearer(genuine)).expect(200);
    });

    it('rejects a token signed with another secret', async () => {
      const forged = signedToken({}, { subject: session.user.id }, 'another-secret-that-is-long-enough-for-hs256-ok');

      expectProblem(await app.http.get('/api/auth/me').set(bearer(forged)), 401, 'auth.invalid_token');
    });

    it('rejects an unsigned alg:none token built by hand', async () => {
      const token = unsignedToken(session.user.id);
      expect(token.endsWith('.')).toBe(true);

      expectProblem(await app.http.get('/api/auth/me').set(bearer(token)), 401, 'auth.invalid_token');
    });

    it('rejects a correctly signed token that is expired, from another issuer, or a refresh token', async () => {
      const expired = signedToken({}, { subject: session.user.id, expiresIn: -3600 });
      const otherIssuer = signedToken({}, { subject: session.user.id, issuer: 'someone-else' });

      for (const token of [expired, otherIssuer, session.refreshToken]) {
        expectProblem(await app.http.get('/api/auth/me').set(bearer(token)), 401, 'auth.invalid_token');
      }
    });

    it('rejects a non-Bearer Authorization scheme', async () => {
      const res = await app.http.get('/api/auth/me').set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`);

      expect(res.status).toBe(401);
      expect(res.body.code).toMatch(/^auth\.(invalid_token|unauthenticated)$/);
    });
  });

  describe('refresh', () => {
    it('exchanges a refresh token for a new working session with a new refresh token', async () => {
      const { refreshToken } = await login();
      const res = await app.http.post('/api/auth/refresh').send({ refreshToken }).expect(200);

      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: expect.objectContaining({ id: session.user.id, email: 'admin@test.example' }),
      });
      expect(res.body.refreshToken).not.toBe(refreshToken);
      expect(passwordLeaks(res.body)).toEqual([]);
      await app.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
      await app.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    });

    it('rejects an access token used as a refresh token', async () => {
      const res = await app.http.post('/api/auth/refresh').send({ refreshToken: session.accessToken });

      expectProblem(res, 401, 'auth.invalid_token');
    });

    it('rejects a garbage, forged or unsigned refresh token', async () => {
      const forged = signedToken({ kind: 'refresh' }, { subject: session.user.id }, 'another-secret-that-is-long-enough-for-hs256-ok');
      for (const refreshToken of ['garbage', forged, unsignedToken(session.user.id)]) {
        expectProblem(await app.http.post('/api/auth/refresh').send({ refreshToken }), 401, 'auth.invalid_token');
      }
    });

    it('rejects a refresh token of a user that does not exist', async () => {
      const orphan = signedToken({ kind: 'refresh' }, { subject: 'no-such-user' });

      expectProblem(await app.http.post('/api/auth/refresh').send({ refreshToken: orphan }), 401, 'auth.invalid_token');
    });

    it('rejects a malformed refresh body with 400', async () => {
      expectProblem(await app.http.post('/api/auth/refresh').send({}), 400, 'validation.failed');
      expectProblem(await app.http.post('/api/auth/refresh').send({ refreshToken: '' }), 400, 'validation.failed');
    });

    it.each(['/api/token/refresh', '/api/auth/token/refresh'])('keeps %s as an alias of refresh', async (path) => {
      const { refreshToken } = await login();
      const res = await app.http.post(path).send({ refreshToken }).expect(200);

      expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { id: session.user.id } });
      await app.http.post(path).send({ refreshToken: res.body.refreshToken }).expect(200);
      await app.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
      expectProblem(await app.http.post(path).send({ refreshToken: session.accessToken }), 401, 'auth.invalid_token');
    });
  });
});
