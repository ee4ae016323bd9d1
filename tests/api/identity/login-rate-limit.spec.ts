import { startTestApp, type TestApp } from '../../support/test-app';
import { login, registerAccount, STRONG_PASSWORD, uniqueEmail } from './account.helpers';
import { expectProblem } from './problem.helpers';

// The default limits, except the per-IP one the test app raises (every request comes from 127.0.0.1).
describe('per-account login rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers the sixth attempt after five wrong passwords with 429 and Retry-After, even with the right password', async () => {
    const email = uniqueEmail('guessed');
    await registerAccount(app, { email });

    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await login(app, { email, password: `wrong guess number ${attempt}` }), 401, 'auth.invalid_credentials');
    }
    const limited = await login(app, { email, password: STRONG_PASSWORD });

    expectProblem(limited, 429, 'auth.too_many_attempts');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(limited.body.accessToken).toBeUndefined();
  });

  it('counts per account: another account logs in meanwhile', async () => {
    const target = uniqueEmail('target');
    const bystander = uniqueEmail('bystander');
    await registerAccount(app, { email: target });
    await registerAccount(app, { email: bystander });
    for (let attempt = 1; attempt <= 5; attempt++) await login(app, { email: target, password: 'a wrong guess' }).expect(401);

    expectProblem(await login(app, { email: target, password: STRONG_PASSWORD }), 429, 'auth.too_many_attempts');
    await login(app, { email: bystander, password: STRONG_PASSWORD }).expect(200);
  });

  it('forgets earlier failures once the right password gets in', async () => {
    const email = uniqueEmail('forgetful');
    await registerAccount(app, { email });
    for (let attempt = 1; attempt <= 4; attempt++) await login(app, { email, password: 'a wrong guess' }).expect(401);
    await login(app, { email, password: STRONG_PASSWORD }).expect(200);

    for (let attempt = 1; attempt <= 4; attempt++) await login(app, { email, password: 'a wrong guess' }).expect(401);
    await login(app, { email, password: STRONG_PASSWORD }).expect(200);
  });
});
