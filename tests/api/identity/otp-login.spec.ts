import fs from 'node:fs';
import path from 'node:path';
import { oneTimeCodeStreamId } from '../../../src/domain/identity/one-time-code.decider';
import type { Clock } from '../../../src/application/shared/ports/clock.port';
import { TOKENS } from '../../../src/main/tokens';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { passwordLeaks } from './identity.helpers';
import { lastSmsCode, smsSentTo } from './outbox.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

let phoneCounter = 0;
/** A fresh Kenyan mobile number per test: codes, throttles and per-phone limits are kept per phone. */
const newPhone = () => `+2547${String(11_000_000 + ++phoneCounter).padStart(8, '0')}`;

describe('OTP login: POST /api/auth/otp/send and /api/auth/otp/verify', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const send = (phone: string) => app.http.post('/api/auth/otp/send').send({ phone });
  const verify = (phone: string, code: string, extra: Record<string, unknown> = {}) =>
    app.http.post('/api/auth/otp/verify').send({ phone, code, ...extra });
  /** A code that is not the one sent (any other six digits). */
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('sends a code by SMS and logs a new phone in as a consumer account named after its last digits', async () => {
    const phone = newPhone();

    const sent = await send(phone).expect(202);

    expect(sent.body).toEqual({ sent: true, expiresInSeconds: 300, resendAfterSeconds: 60 });
    const [sms] = smsSentTo(app, phone);
    expect(sms).toMatchObject({ to: phone, template: 'otp-login' });
    expect(sms?.text).toMatch(/^Your opsledger login code is \d{6}\. It expires in 5 minutes\./);

    const login = await verify(phone, lastSmsCode(app, phone, 'otp-login')).expect(200);

    expect(login.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      accountCreated: true,
      user: expect.objectContaining({ phone, email: null, name: `Consumer ${phone.slice(-4)}`, role: 'consumer', status: 'active' }),
    });
    expect(passwordLeaks(login.body)).toEqual([]);
    const me = await app.http.get('/api/auth/me').set(bearer(login.body.accessToken)).expect(200);
    expect(me.body).toEqual(login.body.user);
  });

  it('reads a national phone number and uses the name given for a new account', async () => {
    const phone = newPhone();
    const national = `0${phone.slice(4)}`;
    await send(national).expect(202);

    const login = await verify(national, lastSmsCode(app, phone, 'otp-login'), { name: 'Wanjiru Kamau' }).expect(200);

    expect(login.body.user).toMatchObject({ phone, name: 'Wanjiru Kamau' });
  });

  it('logs an existing account with that phone into that account, without creating another', async () => {
    const phone = newPhone();
    const created = await app.http
      .post('/api/users')
      .set(bearer(app.adminToken))
      .send({ phone, name: 'Existing Consumer', role: 'consumer', password: TEST_PASSWORD })
      .expect(201);
    await send(phone).expect(202);

    const login = await verify(phone, lastSmsCode(app, phone, 'otp-login'), { name: 'Ignored Name' }).expect(200);

    expect(login.body.accountCreated).toBe(false);
    expect(login.body.user).toMatchObject({ id: created.body.id, name: 'Existing Consumer', phone });
  });

  it('answers a phone with an account and one without alike', async () => {
    const known = newPhone();
    await app.http.post('/api/users').set(bearer(app.adminToken)).send({ phone: known, name: 'Known', role: 'consumer', password: TEST_PASSWORD }).expect(201);

    const forKnown = await send(known).expect(202);
    const forUnknown = await send(newPhone()).expect(202);

    expect(forKnown.body).toEqual(forUnknown.body);
  });

  it('answers a wrong code 401 otp.invalid_code with the attempts left, then refuses even the right code after five wrong ones', async () => {
    const phone = newPhone();
    await send(phone).expect(202);
    const code = lastSmsCode(app, phone, 'otp-login');

    for (const remainingAttempts of [4, 3, 2, 1, 0]) {
      const res = await verify(phone, wrong(code));
      expectProblem(res, 401, 'otp.invalid_code');
      expect(res.body.details).toEqual({ remainingAttempts });
    }
    const sixth = await verify(phone, code);

    expectProblem(sixth, 401, 'otp.too_many_attempts');
    expect(sixth.body.accessToken).toBeUndefined();
  });

  it('refuses a code once it has expired (the service clock moved past its five minutes)', async () => {
    const phone = newPhone();
    await send(phone).expect(202);
    const code = lastSmsCode(app, phone, 'otp-login');
    // The container's one clock: every handler reads the time through it.
    const clock = app.opsledger.container.get<Clock>(TOKENS.clock);
    const later = new Date(Date.now() + 300_000);
    const moved = jest.spyOn(clock, 'now').mockReturnValue(later);
    try {
      expectProblem(await verify(phone, code), 401, 'otp.expired');
    } finally {
      moved.mockRestore();
    }
  });

  it('refuses a code used once already', async () => {
    const phone = newPhone();
    await send(phone).expect(202);
    const code = lastSmsCode(app, phone, 'otp-login');
    await verify(phone, code).expect(200);

    expectProblem(await verify(phone, code), 401, 'otp.no_pending_code');
  });

  it('throttles a new code within the resend interval: 429 otp.resend_throttled with Retry-After, and sends nothing', async () => {
    const phone = newPhone();
    await send(phone).expect(202);

    const again = await send(phone);

    expectProblem(again, 429, 'otp.resend_throttled');
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(smsSentTo(app, phone)).toHaveLength(1);
  });

  it('does not accept the code sent to one phone for another', async () => {
    const first = newPhone();
    const second = newPhone();
    await send(first).expect(202);
    await send(second).expect(202);

    const res = await verify(second, lastSmsCode(app, first, 'otp-login'));

    expectProblem(res, 401, 'otp.invalid_code');
    await verify(second, lastSmsCode(app, second, 'otp-login')).expect(200);
  });

  it('never stores the code itself: the stream holds its keyed hash only', async () => {
    const phone = newPhone();
    await send(phone).expect(202);
    const code = lastSmsCode(app, phone, 'otp-login');
    await verify(phone, wrong(code)).expect(401);
    await verify(phone, code).expect(200);

    const events = await app.opsledger.eventStore.readStream(oneTimeCodeStreamId('login', phone));

    expect(events.map((event) => event.type)).toEqual(['OneTimeCodeIssued', 'OneTimeCodeRejected', 'OneTimeCodeUsed']);
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(wrong(code));
    expect(events[0]?.data).toMatchObject({ purpose: 'login', subject: phone, maxAttempts: 5, codeHash: expect.stringMatching(/^[\w-]{43}$/) });
  });

  it('refuses a deactivated account 401 auth.account_deactivated', async () => {
    const phone = newPhone();
    const created = await app.http
      .post('/api/users')
      .set(bearer(app.adminToken))
      .send({ phone, name: 'Gone Consumer', role: 'consumer', password: TEST_PASSWORD })
      .expect(201);
    await app.http.post(`/api/users/${created.body.id}/deactivate`).set(bearer(app.adminToken)).send({}).expect(200);
    await send(phone).expect(202);

    expectProblem(await verify(phone, lastSmsCode(app, phone, 'otp-login')), 401, 'auth.account_deactivated');
  });

  it('answers 503 sms.unavailable when the SMS cannot be sent; the code stays pending, so a new one waits for the resend interval', async () => {
    const phone = newPhone();
    // A directory where the outbox file should be: the development adapter cannot append to it.
    const smsFile = path.join(app.dataDir, 'outbox', 'sms.jsonl');
    const saved = fs.existsSync(smsFile) ? fs.readFileSync(smsFile) : null;
    fs.rmSync(smsFile, { force: true });
    fs.mkdirSync(smsFile, { recursive: true });
    let failed;
    try {
      failed = await send(phone);
    } finally {
      fs.rmSync(smsFile, { recursive: true });
      if (saved) fs.writeFileSync(smsFile, saved);
    }

    expectProblem(failed, 503, 'sms.unavailable');
    expectProblem(await send(phone), 429, 'otp.resend_throttled');
  });

  it('validates the body: a phone, and a code of six digits', async () => {
    expect(invalidFields(await app.http.post('/api/auth/otp/send').send({}))).toEqual(['body:phone']);
    expect(invalidFields(await verify(newPhone(), '12345'))).toEqual(['body:code']);
    expect(invalidFields(await verify(newPhone(), '123456', { extra: true }))).toEqual(['body:']);
    expectProblem(await send('not a phone'), 422, 'user.invalid_phone');
  });
});

describe('OTP login per-IP limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ AUTH_IP_LIMIT: '3' });
  });
  afterAll(() => app.close());

  it('refuses the fourth code request from one IP within the window: 429 problem+json with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await app.http.post('/api/auth/otp/send').send({ phone: newPhone() }).expect(202);

    const fourth = await app.http.post('/api/auth/otp/send').send({ phone: newPhone() });

    expectProblem(fourth, 429, 'auth.too_many_attempts');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
  });
});
