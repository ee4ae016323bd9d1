import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { lastMailCode, lastSmsCode, mailSentTo, smsSentTo } from './outbox.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

const NEW_PASSWORD = 'a brand new passphrase';
let counter = 0;

describe('password reset: POST /api/auth/password-reset and /api/auth/password-reset/confirm', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PASSWORD_RESET_URL: 'https://app.example/reset' });
  });
  afterAll(() => app.close());

  /** An account with an email and a phone, and the refresh token of a session it started before any reset. */
  const newAccount = async () => {
    const n = ++counter;
    const email = `reset-${n}@test.example`;
    const phone = `+2547${String(22_000_000 + n).padStart(8, '0')}`;
    const created = await app.http
      .post('/api/users')
      .set(bearer(app.adminToken))
      .send({ email, phone, name: `Reset User ${n}`, role: 'consumer', password: TEST_PASSWORD })
      .expect(201);
    const login = await app.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return { email, phone, userId: created.body.id as string, refreshToken: login.body.refreshToken as string };
  };
  const request = (body: Record<string, unknown>) => app.http.post('/api/auth/password-reset').send(body);
  const confirm = (body: Record<string, unknown>) => app.http.post('/api/auth/password-reset/confirm').send(body);
  const login = (email: string, password: string) => app.http.post('/api/auth/login').send({ email, password });

  it('mails a code (and a link to the reset page) to the email; the new password replaces the old one and every session ends', async () => {
    const { email, refreshToken } = await newAccount();

    const requested = await request({ email }).expect(202);

    expect(requested.body).toEqual({ requested: true });
    const [mail] = mailSentTo(app, email);
    expect(mail).toContain('Subject: Your opsledger password reset code');
    expect(mail).toContain('The code expires in 15 minutes.');
    const code = lastMailCode(app, email);
    expect(mail).toContain(`https://app.example/reset?code=${code}&email=${encodeURIComponent(email)}`);

    const done = await confirm({ email, code, newPassword: NEW_PASSWORD }).expect(200);

    expect(done.body).toEqual({ reset: true });
    expectProblem(await login(email, TEST_PASSWORD), 401, 'auth.invalid_credentials');
    await login(email, NEW_PASSWORD).expect(200);
    expectProblem(await app.http.post('/api/auth/refresh').send({ refreshToken }), 401, 'auth.session_revoked');
  });

  it('sends the code by SMS when the request names the phone, and confirms by phone', async () => {
    const { email, phone } = await newAccount();

    await request({ phone }).expect(202);

    expect(mailSentTo(app, email)).toEqual([]);
    const [sms] = smsSentTo(app, phone);
    expect(sms?.text).toMatch(/^Your opsledger password reset code is \d{6}\. It expires in 15 minutes\./);
    const code = lastSmsCode(app, phone, 'password-reset');
    await confirm({ phone, code, newPassword: NEW_PASSWORD }).expect(200);
    await login(email, NEW_PASSWORD).expect(200);
  });

  it('answers an unknown email or phone exactly like a known one, and sends nothing', async () => {
    const { email } = await newAccount();
    const unknownEmail = 'nobody-here@test.example';
    const unknownPhone = '+254799999999';

    const known = await request({ email }).expect(202);
    const unknown = await request({ email: unknownEmail }).expect(202);
    const unknownByPhone = await request({ phone: unknownPhone }).expect(202);

    expect(unknown.body).toEqual(known.body);
    expect(unknownByPhone.body).toEqual(known.body);
    expect(mailSentTo(app, unknownEmail)).toEqual([]);
    expect(smsSentTo(app, unknownPhone)).toEqual([]);
  });

  it('sends nothing for a deactivated account, and still answers 202', async () => {
    const { email, userId } = await newAccount();
    await app.http.post(`/api/users/${userId}/deactivate`).set(bearer(app.adminToken)).send({}).expect(200);

    await request({ email }).expect(202);

    expect(mailSentTo(app, email)).toEqual([]);
  });

  it('answers a second request within the resend interval 202 too, and sends no second code', async () => {
    const { email } = await newAccount();
    await request({ email }).expect(202);

    await request({ email }).expect(202);

    expect(mailSentTo(app, email)).toHaveLength(1);
  });

  it('refuses a weak new password 422 user.weak_password listing the rules, and the code still works afterwards', async () => {
    const { email } = await newAccount();
    await request({ email }).expect(202);
    const code = lastMailCode(app, email);

    const weak = await confirm({ email, code, newPassword: 'short' });

    expectProblem(weak, 422, 'user.weak_password');
    expect(weak.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['too_short']);
    await login(email, TEST_PASSWORD).expect(200);
    await confirm({ email, code, newPassword: NEW_PASSWORD }).expect(200);
  });

  it('answers a wrong code, a used code and an unknown account with one and the same 401 otp.invalid_code', async () => {
    const { email } = await newAccount();
    await request({ email }).expect(202);
    const code = lastMailCode(app, email);
    const otherCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const wrong = await confirm({ email, code: otherCode, newPassword: NEW_PASSWORD });
    await confirm({ email, code, newPassword: NEW_PASSWORD }).expect(200);
    const reused = await confirm({ email, code, newPassword: 'yet another passphrase' });
    const unknown = await confirm({ email: 'nobody-here@test.example', code, newPassword: NEW_PASSWORD });

    for (const res of [wrong, reused, unknown]) {
      expectProblem(res, 401, 'otp.invalid_code');
      expect(res.body.detail).toBe(wrong.body.detail);
      expect(res.body.details).toBeUndefined();
    }
    await login(email, NEW_PASSWORD).expect(200);
  });

  it('judges the new password before looking at the account, so a weak one answers 422 for an unknown account too', async () => {
    const res = await confirm({ email: 'nobody-here@test.example', code: '123456', newPassword: 'short' });

    expectProblem(res, 422, 'user.weak_password');
  });

  it('refuses even the right code after five wrong ones', async () => {
    const { email } = await newAccount();
    await request({ email }).expect(202);
    const code = lastMailCode(app, email);
    const otherCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expectProblem(await confirm({ email, code: otherCode, newPassword: NEW_PASSWORD }), 401, 'otp.invalid_code');

    expectProblem(await confirm({ email, code, newPassword: NEW_PASSWORD }), 401, 'otp.invalid_code');

    await login(email, TEST_PASSWORD).expect(200);
  });

  it('validates the body: exactly one of email and phone, a six-digit code', async () => {
    expect(invalidFields(await request({}))).toEqual(['body:email']);
    expect(invalidFields(await request({ email: 'a@test.example', phone: '+254711111111' }))).toEqual(['body:email']);
    expect(invalidFields(await confirm({ email: 'a@test.example', code: 'abcdef', newPassword: NEW_PASSWORD }))).toEqual(['body:code']);
  });
});
