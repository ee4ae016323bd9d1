import { startTestApp, type TestApp } from '../../support/test-app';
import { login, registerAccount, STRONG_PASSWORD, uniqueEmail } from './account.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

describe('PATCH /api/auth/me', () => {
  let app: TestApp;
  const patchMe = (accessToken: string, body: Record<string, unknown>) => app.http.patch('/api/auth/me').set(bearer(accessToken)).send(body);
  const me = async (accessToken: string) => (await app.http.get('/api/auth/me').set(bearer(accessToken)).expect(200)).body;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('changes the name, email and phone, normalised, and answers the profile with its position', async () => {
    const { accessToken, user } = await registerAccount(app);

    const res = await patchMe(accessToken, { name: ' Wanjiru N. Kamau ', email: 'Wanjiru.New@Profile.Example', phone: '0722 000 333' }).expect(200);

    expect(res.body).toEqual({
      ...user,
      name: 'Wanjiru N. Kamau',
      email: 'wanjiru.new@profile.example',
      phone: '+254722000333',
      position: expect.any(Number),
    });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    expect(await me(accessToken)).toEqual({ ...user, name: 'Wanjiru N. Kamau', email: 'wanjiru.new@profile.example', phone: '+254722000333' });
    await login(app, { phone: '0722000333', password: STRONG_PASSWORD }).expect(200);
  });

  it('frees the old email: the old one no longer logs in and someone else may register with it', async () => {
    const oldEmail = uniqueEmail('mover');
    const { accessToken } = await registerAccount(app, { email: oldEmail });

    await patchMe(accessToken, { email: uniqueEmail('moved') }).expect(200);

    expectProblem(await login(app, { email: oldEmail, password: STRONG_PASSWORD }), 401, 'auth.invalid_credentials');
    const newcomer = await registerAccount(app, { email: oldEmail });
    expect(newcomer.user.email).toBe(oldEmail);
  });

  it("answers 409 useremail.already_taken for another user's email and changes nothing", async () => {
    const mine = await registerAccount(app, { phone: '0733000444' });
    const theirs = await registerAccount(app);

    const res = await patchMe(mine.accessToken, { name: 'Someone Else', email: theirs.user.email, phone: '0733000555' });

    expectProblem(res, 409, 'useremail.already_taken');
    expect(await me(mine.accessToken)).toEqual(mine.user);
    await login(app, { email: mine.user.email, password: STRONG_PASSWORD }).expect(200);
    await login(app, { email: theirs.user.email, password: STRONG_PASSWORD }).expect(200);
    // The phone the failed change would have taken is still free.
    await registerAccount(app, { phone: '0733000555' });
  });

  it('drops the email when a phone remains, and refuses to drop the last contact with 422 user.contact_required', async () => {
    const { accessToken, user } = await registerAccount(app, { phone: '0744000666' });

    await patchMe(accessToken, { email: null }).expect(200);
    expectProblem(await patchMe(accessToken, { phone: null }), 422, 'user.contact_required');

    expect(await me(accessToken)).toEqual({ ...user, email: null });
    await registerAccount(app, { email: user.email });
  });

  it('answers the unchanged profile when nothing changes', async () => {
    const { accessToken, user } = await registerAccount(app);

    const res = await patchMe(accessToken, { name: user.name, email: user.email }).expect(200);

    expect(res.body).toEqual({ ...user, position: expect.any(Number) });
  });

  it('rejects an empty body, unknown fields and bad values with 400, and anonymous callers with 401', async () => {
    const { accessToken } = await registerAccount(app);

    expectProblem(await patchMe(accessToken, {}), 400, 'validation.failed');
    expectProblem(await patchMe(accessToken, { role: 'admin' }), 400, 'validation.failed');
    expect(invalidFields(await patchMe(accessToken, { email: 'nope', name: '' }))).toEqual(expect.arrayContaining(['body:email', 'body:name']));
    expectProblem(await app.http.patch('/api/auth/me').send({ name: 'Anon' }), 401, 'auth.unauthenticated');
  });
});
