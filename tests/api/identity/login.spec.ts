import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { passwordLeaks } from './identity.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

const ADMIN_EMAIL = 'admin@test.example';

describe('POST /api/auth/login (and the /api/token alias)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers a session in camelCase: tokens, token type, lifetime and the user, without any password hash', async () => {
    const res = await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, password: TEST_PASSWORD }).expect(200);

    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'tokenType', 'user']);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 900,
      user: {
        id: expect.any(String),
        email: ADMIN_EMAIL,
        phone: null,
        name: 'Test Admin',
        role: 'admin',
        tenantId: null,
        status: 'active',
        referralCode: expect.stringMatching(/^REF-[2-9A-HJ-NP-Z]{6}$/),
        registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    expect(res.body.accessToken).not.toBe(res.body.refreshToken);
    expect(passwordLeaks(res.body)).toEqual([]);
    expect(res.text).not.toContain(TEST_PASSWORD);
  });

  it('treats the email case-insensitively', async () => {
    const res = await app.http.post('/api/auth/login').send({ email: 'ADMIN@Test.Example', password: TEST_PASSWORD }).expect(200);

    expect(res.body.user.email).toBe(ADMIN_EMAIL);
  });

  it('issues an access token the API accepts', async () => {
    const login = await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, password: TEST_PASSWORD }).expect(200);

    const me = await app.http.get('/api/auth/me').set(bearer(login.body.accessToken)).expect(200);

    expect(me.body).toEqual(login.body.user);
  });

  it('answers a wrong password and an unknown email alike: 401 auth.invalid_credentials with the same detail', async () => {
    const wrongPassword = await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, password: 'not the password at all' });
    const unknownEmail = await app.http.post('/api/auth/login').send({ email: 'nobody@test.example', password: TEST_PASSWORD });

    expectProblem(wrongPassword, 401, 'auth.invalid_credentials');
    expectProblem(unknownEmail, 401, 'auth.invalid_credentials');
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
    expect(wrongPassword.body.accessToken).toBeUndefined();
  });

  it('logs in by phone, in national or E.164 form; a wrong password there is 401 auth.invalid_credentials too', async () => {
    const email = 'phone.user@login.example';
    await app.http
      .post('/api/users')
      .set(bearer(app.adminToken))
      .send({ email, phone: '0711 222 333', name: 'Phone User', role: 'consumer', password: TEST_PASSWORD })
      .expect(201);

    for (const phone of ['0711222333', '+254711222333', '+254 711 222 333']) {
      const res = await app.http.post('/api/auth/login').send({ phone, password: TEST_PASSWORD }).expect(200);
      expect(res.body.user).toMatchObject({ email, phone: '+254711222333' });
    }
    expectProblem(await app.http.post('/api/auth/login').send({ phone: '0711222333', password: 'not the password at all' }), 401, 'auth.invalid_credentials');
    expectProblem(await app.http.post('/api/auth/login').send({ phone: '0711999999', password: TEST_PASSWORD }), 401, 'auth.invalid_credentials');
  });

  it('takes an email or a phone, not both: 400', async () => {
    expectProblem(
      await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, phone: '0711222333', password: TEST_PASSWORD }),
      400,
      'validation.failed',
    );
  });

  it('rejects a malformed body with 400 validation.failed naming the fields', async () => {
    const res = await app.http.post('/api/auth/login').send({ email: 'not-an-email' });

    expect(invalidFields(res)).toEqual(expect.arrayContaining(['body:email', 'body:password']));
  });

  it('rejects an empty password, unknown fields and a missing body with 400', async () => {
    expect(invalidFields(await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, password: '' }))).toContain('body:password');
    expectProblem(
      await app.http.post('/api/auth/login').send({ email: ADMIN_EMAIL, password: TEST_PASSWORD, remember: true }),
      400,
      'validation.failed',
    );
    expectProblem(await app.http.post('/api/auth/login'), 400, 'validation.failed');
  });

  it('rejects a body that is not JSON with 400 request.malformed_json', async () => {
    const res = await app.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');

    expectProblem(res, 400, 'request.malformed_json');
  });

  it('keeps /api/token as an alias of login', async () => {
    const res = await app.http.post('/api/token').send({ email: ADMIN_EMAIL, password: TEST_PASSWORD }).expect(200);

    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { email: ADMIN_EMAIL } });
    await app.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expectProblem(await app.http.post('/api/token/').send({ email: ADMIN_EMAIL, password: 'wrong password!' }), 401, 'auth.invalid_credentials');
  });
});
