import { startTestApp, type TestApp } from '../../support/test-app';
import { login, registerAccount, STRONG_PASSWORD, uniqueEmail, uniquePhone } from './account.helpers';
import { passwordLeaks } from './identity.helpers';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

describe('POST /api/auth/register', () => {
  let app: TestApp;
  const register = (body: Record<string, unknown>) =>
    app.http.post('/api/auth/register').send({ name: 'Wanjiru Kamau', password: STRONG_PASSWORD, ...body });
  const registeredEvent = async (userId: string) => {
    const [first] = await app.opsledger.eventStore.readStream(`user-${userId}`);
    expect(first?.type).toBe('UserRegistered');
    return first!.data as Record<string, unknown>;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers 201 with working tokens, the new consumer and the position, without any password hash', async () => {
    const res = await register({ name: '  Wanjiru Kamau ', email: 'Wanjiru@Register.Example' }).expect(201);

    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 900,
      position: expect.any(Number),
      user: {
        id: expect.any(String),
        email: 'wanjiru@register.example',
        phone: null,
        name: 'Wanjiru Kamau',
        role: 'consumer',
        tenantId: null,
        status: 'active',
        referralCode: expect.stringMatching(/^REF-[2-9A-HJ-NP-Z]{6}$/),
        registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    expect(passwordLeaks(res.body)).toEqual([]);
    expect(res.text).not.toContain(STRONG_PASSWORD);
    const me = await app.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toEqual(res.body.user);
    await app.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    await login(app, { email: 'wanjiru@register.example', password: STRONG_PASSWORD }).expect(200);
  });

  it('registers a car-club member when asked', async () => {
    const { user } = await registerAccount(app, { role: 'member' });

    expect(user).toMatchObject({ role: 'member', tenantId: null });
  });

  it('refuses to let anyone register as admin or any other granted role: 400', async () => {
    for (const role of ['admin', 'wholesaler', 'client_admin']) {
      const email = uniqueEmail(role);
      expect(invalidFields(await register({ email, role }))).toEqual(['body:role']);
      expectProblem(await login(app, { email, password: STRONG_PASSWORD }), 401, 'auth.invalid_credentials');
    }
  });

  it('records who referred the new user, from their referral code in any case', async () => {
    const referrer = await registerAccount(app);

    const referred = await registerAccount(app, { referralCode: referrer.user.referralCode.toLowerCase() });

    expect(referred.user.referralCode).not.toBe(referrer.user.referralCode);
    expect(await registeredEvent(referred.user.id)).toMatchObject({ referredBy: referrer.user.id, registeredBy: null });
    expect(await registeredEvent(referrer.user.id)).toMatchObject({ referredBy: null });
  });

  it('answers 422 referral.unknown_code for a referral code nobody has, and creates nobody', async () => {
    const email = uniqueEmail('unreferred');

    expectProblem(await register({ email, referralCode: 'REF-ZZZZZZ' }), 422, 'referral.unknown_code');

    await registerAccount(app, { email });
  });

  it('answers 409 useremail.already_taken for a taken email, whatever its case', async () => {
    const email = uniqueEmail('taken');
    await registerAccount(app, { email });

    expectProblem(await register({ email }), 409, 'useremail.already_taken');
    expectProblem(await register({ email: email.toUpperCase() }), 409, 'useremail.already_taken');
    expectProblem(await register({ email: 'admin@test.example' }), 409, 'useremail.already_taken');
  });

  it('stores a national phone number in E.164 form, logs in by either form, and refuses it twice', async () => {
    const { user } = await registerAccount(app, { email: undefined, phone: '0712 000 111' });

    expect(user).toMatchObject({ email: null, phone: '+254712000111' });
    await login(app, { phone: '0712000111', password: STRONG_PASSWORD }).expect(200);
    await login(app, { phone: '+254712000111', password: STRONG_PASSWORD }).expect(200);
    expectProblem(await register({ phone: '+254 712 000 111' }), 409, 'userphone.already_taken');
  });

  it('answers 422 user.invalid_phone for a number that cannot be E.164', async () => {
    expectProblem(await register({ phone: '0712-abc' }), 422, 'user.invalid_phone');
  });

  it('needs an email or a phone: 400', async () => {
    expect(invalidFields(await register({}))).toContain('body:email');
  });

  it('answers 422 user.weak_password listing every broken rule, and creates nobody', async () => {
    const email = uniqueEmail('weakling');

    const res = await register({ email, password: 'password123' });

    expectProblem(res, 422, 'user.weak_password');
    expect(res.body.details.violations).toEqual([{ rule: 'common', message: expect.any(String) }]);
    const short = await register({ email, password: 'aaaa' });
    expect(short.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['too_short', 'repetitive']);
    const own = await register({ email: 'kamaunjoroge@register.example', password: 'i am kamaunjoroge' });
    expect(own.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['contains_identity']);
    await registerAccount(app, { email });
  });

  it('rejects unknown fields with 400', async () => {
    expectProblem(await register({ email: uniqueEmail('extra'), isAdmin: true }), 400, 'validation.failed');
  });

  describe('twenty parallel registrations with one email', () => {
    const email = 'race@register.example';
    const phones = Array.from({ length: 20 }, () => uniquePhone());
    let responses: Awaited<ReturnType<typeof register>>[];
    beforeAll(async () => {
      responses = await Promise.all(phones.map((phone) => register({ email, phone })));
    });

    it('give exactly one 201 and nineteen 409 useremail.already_taken', () => {
      expect(responses.map((res) => res.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
      for (const res of responses.filter((r) => r.status === 409)) expectProblem(res, 409, 'useremail.already_taken');
    });

    it('leave one account in the read model', async () => {
      const winner = responses.find((res) => res.status === 201)!;
      const { token } = await app.userToken('admin');

      const list = await app.http
        .get('/api/users')
        .query({ search: email })
        .set(bearer(token))
        .set('Opsledger-Min-Position', String(winner.body.position))
        .expect(200);

      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ id: winner.body.user.id, email, phone: winner.body.user.phone });
    });

    it("leave no claim on the losers' phones", async () => {
      const losers = phones.filter((_phone, index) => responses[index]!.status === 409);
      expect(losers).toHaveLength(19);

      for (const phone of losers.slice(0, 3)) {
        const { user } = await registerAccount(app, { email: uniqueEmail('after-race'), phone });
        expect(user.phone).toBe(`+254${phone.slice(1)}`);
      }
    });
  });
});
