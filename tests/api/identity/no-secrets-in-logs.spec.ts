import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { bearer } from './problem.helpers';

const NEW_PASSWORD = 'a different long passphrase 42';
const VENDOR_SECRET = 'stronpower-vendor-secret-9f8e7d';

/** Every flow that handles a secret, run with the most verbose logging; then no secret may be in any log line. */
describe('secrets never reach the logs or the responses', () => {
  const logLines: string[] = [];
  const bodies: string[] = [];
  let app: TestApp;
  const secrets: string[] = [TEST_PASSWORD, NEW_PASSWORD, VENDOR_SECRET];

  const keep = <T extends { text: string; body: Record<string, unknown> }>(res: T): T => {
    bodies.push(res.text);
    for (const token of ['accessToken', 'refreshToken']) if (typeof res.body[token] === 'string') secrets.push(res.body[token] as string);
    return res;
  };

  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'trace' }, { logLines });
    const registered = keep(
      await app.http.post('/api/auth/register').send({ name: 'Wanjiru', email: 'wanjiru@logs.example', phone: '0712000111', password: TEST_PASSWORD }).expect(201),
    );
    keep(await app.http.post('/api/auth/login').send({ email: 'wanjiru@logs.example', password: 'wrong password entirely' }).expect(401));
    const login = keep(await app.http.post('/api/auth/login').send({ phone: '+254712000111', password: TEST_PASSWORD }).expect(200));
    keep(await app.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200));
    keep(await app.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401));
    keep(
      await app.http
        .post('/api/auth/password/change')
        .set(bearer(registered.body.accessToken))
        .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200),
    );
    keep(await app.http.post('/api/auth/otp/send').send({ phone: '+254712000222' }).expect(202));
    const sms = fs.readFileSync(path.join(app.dataDir, 'outbox', 'sms.jsonl'), 'utf8').trim().split('\n');
    const code = /\b(\d{6})\b/.exec(JSON.parse(sms.at(-1)!).text)![1]!;
    secrets.push(code);
    keep(await app.http.post('/api/auth/otp/verify').send({ phone: '+254712000222', code }).expect(200));
    keep(
      await app.http
        .post('/api/clients')
        .set(bearer(app.adminToken))
        .send({
          name: 'Maji Safi Ltd',
          paybillNumber: '654321',
          billing: { email: 'billing@majisafi.example' },
          vendorCredentials: { username: 'majisafi', password: VENDOR_SECRET },
        })
        .expect(201),
    );
    // A server error path logs the error object: it must not carry the request's secrets either.
    keep(await app.http.post('/api/auth/login').set('content-type', 'application/json').send(`{"email":"x@y.example","password":"${TEST_PASSWORD}"`).expect(400));
  });
  afterAll(() => app.close());

  it('logged every request at trace level', () => {
    expect(logLines.filter((line) => line.includes('request completed')).length).toBeGreaterThanOrEqual(10);
  });

  it('has no password, token, one-time code or vendor credential in any log line', () => {
    const leaks = secrets.filter((secret) => logLines.some((line) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });

  it('answers no password, password hash, code or vendor credential in any response body', () => {
    const bodySecrets = [TEST_PASSWORD, NEW_PASSWORD, VENDOR_SECRET, 'scrypt$', 'passwordHash', 'sealedVendorCredentials'];
    expect(bodySecrets.filter((secret) => bodies.some((body) => body.includes(secret)))).toEqual([]);
  });
});
