import { startTestApp, type TestApp } from '../../support/test-app';
import { login, refresh, registerAccount, STRONG_PASSWORD, uniqueEmail, type SessionBody } from './account.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

const NEW_PASSWORD = 'another quite unusual phrase';

describe('sessions: refresh rotation, reuse detection, logout, password change and deactivation', () => {
  let app: TestApp;
  const logout = (session: Pick<SessionBody, 'accessToken' | 'refreshToken'>) =>
    app.http.post('/api/auth/logout').set(bearer(session.accessToken)).send({ refreshToken: session.refreshToken });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  describe('refresh', () => {
    it('rotates the refresh token on every use; each new pair works', async () => {
      const first = await registerAccount(app);

      const second = (await refresh(app, first.refreshToken).expect(200)).body as SessionBody;
      const third = (await refresh(app, second.refreshToken).expect(200)).body as SessionBody;

      expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
      expect(third.user.id).toBe(first.user.id);
      await app.http.get('/api/auth/me').set(bearer(third.accessToken)).expect(200);
    });

    it('revokes the whole session when a used refresh token comes back: 401 auth.refresh_token_reused, then even the newest is refused', async () => {
      const first = await registerAccount(app);
      const second = (await refresh(app, first.refreshToken).expect(200)).body as SessionBody;

      expectProblem(await refresh(app, first.refreshToken), 401, 'auth.refresh_token_reused');

      expectProblem(await refresh(app, second.refreshToken), 401, 'auth.session_revoked');
      expectProblem(await refresh(app, first.refreshToken), 401, 'auth.session_revoked');
    });

    it('leaves the user’s other sessions alone when one is revoked for reuse', async () => {
      const email = uniqueEmail('two-devices');
      const phone = await registerAccount(app, { email });
      const laptop = (await login(app, { email, password: STRONG_PASSWORD }).expect(200)).body as SessionBody;
      await refresh(app, phone.refreshToken).expect(200);

      expectProblem(await refresh(app, phone.refreshToken), 401, 'auth.refresh_token_reused');

      await refresh(app, laptop.refreshToken).expect(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session: its refresh token answers 401 auth.session_revoked', async () => {
      const session = await registerAccount(app);

      const res = await logout(session).expect(200);

      expect(res.body).toEqual({ position: expect.any(Number) });
      expectProblem(await refresh(app, session.refreshToken), 401, 'auth.session_revoked');
    });

    it('ends only that session, and is idempotent', async () => {
      const email = uniqueEmail('logout-one');
      const first = await registerAccount(app, { email });
      const second = (await login(app, { email, password: STRONG_PASSWORD }).expect(200)).body as SessionBody;

      await logout(first).expect(200);
      await logout(first).expect(200);

      await refresh(app, second.refreshToken).expect(200);
    });

    it("refuses another user's refresh token with 403 auth.not_your_session, and anonymous callers with 401", async () => {
      const mine = await registerAccount(app);
      const theirs = await registerAccount(app);

      expectProblem(await logout({ accessToken: mine.accessToken, refreshToken: theirs.refreshToken }), 403, 'auth.not_your_session');
      await refresh(app, theirs.refreshToken).expect(200);
      expectProblem(await app.http.post('/api/auth/logout').send({ refreshToken: theirs.refreshToken }), 401, 'auth.unauthenticated');
    });
  });

  describe('POST /api/auth/password/change', () => {
    const change = (accessToken: string, body: Record<string, unknown>) =>
      app.http.post('/api/auth/password/change').set(bearer(accessToken)).send(body);

    it('ends every old session and answers a new one that works; only the new password logs in', async () => {
      const email = uniqueEmail('changer');
      const first = await registerAccount(app, { email });
      const second = (await login(app, { email, password: STRONG_PASSWORD }).expect(200)).body as SessionBody;

      const res = await change(first.accessToken, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);

      expect(res.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { id: first.user.id } });
      expectProblem(await refresh(app, first.refreshToken), 401, 'auth.session_revoked');
      expectProblem(await refresh(app, second.refreshToken), 401, 'auth.session_revoked');
      await refresh(app, res.body.refreshToken).expect(200);
      expectProblem(await login(app, { email, password: STRONG_PASSWORD }), 401, 'auth.invalid_credentials');
      await login(app, { email, password: NEW_PASSWORD }).expect(200);
    });

    it('answers 401 auth.invalid_credentials for a wrong current password and changes nothing', async () => {
      const email = uniqueEmail('wrong-current');
      const session = await registerAccount(app, { email });

      expectProblem(await change(session.accessToken, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }), 401, 'auth.invalid_credentials');

      await refresh(app, session.refreshToken).expect(200);
      await login(app, { email, password: STRONG_PASSWORD }).expect(200);
    });

    it('answers 422 user.weak_password for a weak new password and 400 for a malformed body', async () => {
      const session = await registerAccount(app);

      const weak = await change(session.accessToken, { currentPassword: STRONG_PASSWORD, newPassword: 'qwertyuiop' });

      expectProblem(weak, 422, 'user.weak_password');
      expect(weak.body.details.violations).toEqual([{ rule: 'common', message: expect.any(String) }]);
      expect(invalidFields(await change(session.accessToken, { newPassword: NEW_PASSWORD }))).toEqual(['body:currentPassword']);
      await refresh(app, session.refreshToken).expect(200);
    });
  });

  describe('a deactivated user', () => {
    let email: string;
    let session: SessionBody;
    beforeAll(async () => {
      email = uniqueEmail('leaver');
      session = await registerAccount(app, { email });
      await app.http.post(`/api/users/${session.user.id}/deactivate`).set(bearer(app.adminToken)).send({ reason: 'left' }).expect(200);
    });

    it('cannot log in: 401 auth.account_deactivated (the right password only; a wrong one is still invalid_credentials)', async () => {
      expectProblem(await login(app, { email, password: STRONG_PASSWORD }), 401, 'auth.account_deactivated');
      expectProblem(await login(app, { email, password: 'not the password' }), 401, 'auth.invalid_credentials');
    });

    it('cannot refresh: 401, and stays refused after reactivation', async () => {
      expectProblem(await refresh(app, session.refreshToken), 401, 'auth.account_deactivated');

      await app.http.post(`/api/users/${session.user.id}/activate`).set(bearer(app.adminToken)).expect(200);

      expectProblem(await refresh(app, session.refreshToken), 401, 'auth.session_revoked');
      await login(app, { email, password: STRONG_PASSWORD }).expect(200);
    });
  });
});
