import type { CommandExecutor } from '../../../src/application/shared/command-executor';
import { systemContext } from '../../../src/application/shared/command-context';
import {
  WholesalerApplicationDecider,
  wholesalerApplicationStreamId,
} from '../../../src/domain/identity/wholesaler-application.decider';
import { TOKENS } from '../../../src/main/tokens';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from './problem.helpers';

const business = {
  businessName: 'Volt Traders Ltd',
  registrationNumber: 'PVT-2024-001',
  taxNumber: 'P051234567X',
  address: 'Moi Avenue 12, Nairobi',
  phone: '0712 345 678',
};

describe('/api/wholesaler-applications', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let counter = 0;

  /** A fresh consumer: their auth header, user id and email (to log in again later). */
  const consumer = async () => {
    const email = `applicant-${++counter}@shop.example`;
    const { token, userId } = await app.userToken('consumer', email);
    return { auth: bearer(token), userId, email };
  };
  const apply = (auth: Record<string, string>, body: Record<string, unknown> = business) =>
    app.http.post('/api/wholesaler-applications').set(auth).send(body);
  const review = (id: string, decision: 'approve' | 'reject', body?: Record<string, unknown>) => {
    const req = app.http.post(`/api/wholesaler-applications/${id}/${decision}`).set(admin);
    return body === undefined ? req : req.send(body);
  };
  const reLogin = async (email: string) => {
    const res = await app.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return { auth: bearer(res.body.accessToken as string), role: res.body.user.role as string };
  };
  const atPosition = (auth: Record<string, string>, position: number) => ({ ...auth, 'Opsledger-Min-Position': String(position) });

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('takes an application, lists it as pending, and approval makes the applicant a wholesaler at the next login', async () => {
    const applicant = await consumer();
    const applied = await apply(applicant.auth, { ...business, notes: 'Three shops in Nairobi' }).expect(201);
    expect(applied.body).toEqual({ id: applicant.userId, position: expect.any(Number) });

    const own = await app.http.get('/api/wholesaler-applications/me').set(atPosition(applicant.auth, applied.body.position)).expect(200);
    expect(own.body).toEqual({
      id: applicant.userId,
      userId: applicant.userId,
      ...business,
      phone: '+254712345678',
      notes: 'Three shops in Nairobi',
      status: 'pending',
      submittedAt: expect.any(String),
      reviewerId: null,
      reviewedAt: null,
      reviewNotes: null,
      tenantId: null,
    });
    const pending = await app.http.get('/api/wholesaler-applications?status=pending').set(admin).expect(200);
    expect(pending.body.items.map((a: { id: string }) => a.id)).toContain(applicant.userId);
    expectProblem(await app.http.get('/api/inventory/serials').set(applicant.auth), 403, 'auth.forbidden');

    const approved = await review(applicant.userId, 'approve', { notes: 'Welcome' }).expect(200);

    const shown = await app.http.get(`/api/wholesaler-applications/${applicant.userId}`).set(atPosition(admin, approved.body.position)).expect(200);
    expect(shown.body).toMatchObject({ status: 'approved', reviewerId: expect.any(String), reviewedAt: expect.any(String), reviewNotes: 'Welcome' });
    const user = await app.http.get(`/api/users/${applicant.userId}`).set(atPosition(admin, approved.body.position)).expect(200);
    expect(user.body.role).toBe('wholesaler');
    const wholesaler = await reLogin(applicant.email);
    expect(wholesaler.role).toBe('wholesaler');
    await app.http.get('/api/inventory/serials').set(wholesaler.auth).expect(200);
  });

  it('approves an approved application again without writing anything', async () => {
    const applicant = await consumer();
    await apply(applicant.auth).expect(201);
    await review(applicant.userId, 'approve').expect(200);
    const before = await app.opsledger.eventStore.readStream(wholesalerApplicationStreamId(applicant.userId));

    const again = await review(applicant.userId, 'approve').expect(200);

    expect(again.body).toEqual({ position: expect.any(Number) });
    expect(await app.opsledger.eventStore.readStream(wholesalerApplicationStreamId(applicant.userId))).toHaveLength(before.length);
    expect((await reLogin(applicant.email)).role).toBe('wholesaler');
  });

  it('completes the role grant when an approval stopped after recording the approval', async () => {
    const applicant = await consumer();
    await apply(applicant.auth).expect(201);
    // The first half of an approval whose process died before it changed the user's role.
    await app.opsledger.container.get<CommandExecutor>(TOKENS.executor).execute({
      operation: 'approve-wholesaler-application',
      decider: WholesalerApplicationDecider,
      streamId: wholesalerApplicationStreamId(applicant.userId),
      command: {
        type: 'ApproveWholesalerApplication',
        data: { userId: applicant.userId, reviewerId: 'admin', reviewedAt: new Date().toISOString(), notes: null },
      },
      context: systemContext('interrupted-approval'),
    });
    expect((await reLogin(applicant.email)).role).toBe('consumer');

    await review(applicant.userId, 'approve').expect(200);

    expect((await reLogin(applicant.email)).role).toBe('wholesaler');
  });

  it('needs notes to reject, and lets a rejected applicant apply again', async () => {
    const applicant = await consumer();
    await apply(applicant.auth).expect(201);

    expect(invalidFields(await review(applicant.userId, 'reject', {}))).toEqual(['body:notes']);
    expect(invalidFields(await review(applicant.userId, 'reject', { notes: '   ' }))).toEqual(['body:notes']);
    const rejected = await review(applicant.userId, 'reject', { notes: 'No trading licence' }).expect(200);
    const own = await app.http.get('/api/wholesaler-applications/me').set(atPosition(applicant.auth, rejected.body.position)).expect(200);
    expect(own.body).toMatchObject({ status: 'rejected', reviewNotes: 'No trading licence' });
    expectProblem(await review(applicant.userId, 'approve'), 409, 'wholesaler_application.not_pending');
    expect((await reLogin(applicant.email)).role).toBe('consumer');

    const again = await apply(applicant.auth, { ...business, notes: 'Licence attached' }).expect(201);

    const renewed = await app.http.get('/api/wholesaler-applications/me').set(atPosition(applicant.auth, again.body.position)).expect(200);
    expect(renewed.body).toMatchObject({ status: 'pending', notes: 'Licence attached', reviewNotes: null, reviewerId: null });
  });

  it('refuses a second application while one is pending (409)', async () => {
    const applicant = await consumer();
    await apply(applicant.auth).expect(201);
    expectProblem(await apply(applicant.auth), 409, 'wholesaler_application.already_pending');
  });

  it('refuses applicants who are not consumers: wholesalers by permission (403), admins by role (409)', async () => {
    const wholesaler = bearer((await app.userToken('wholesaler')).token);

    expectProblem(await apply(wholesaler), 403, 'auth.forbidden');
    expectProblem(await apply(admin), 409, 'wholesaler_application.not_consumer');
  });

  it('validates the business details (400 at the edge, 422 for an unreadable phone)', async () => {
    const applicant = await consumer();

    expect(invalidFields(await apply(applicant.auth, { ...business, businessName: '', extra: 1 }))).toEqual(['body:businessName', 'body:']);
    expectProblem(await apply(applicant.auth, { ...business, phone: 'call-me-maybe' }), 422, 'user.invalid_phone');
  });

  it('answers 404 for an application that does not exist, and 403 to applicants reviewing', async () => {
    const applicant = await consumer();

    expectProblem(await app.http.get('/api/wholesaler-applications/me').set(applicant.auth), 404, 'wholesaler_application.not_found');
    expectProblem(await app.http.get(`/api/wholesaler-applications/${applicant.userId}`).set(admin), 404, 'wholesaler_application.not_found');
    expectProblem(await review(applicant.userId, 'approve'), 404, 'wholesaler_application.not_found');
    expectProblem(await review('no-such-user', 'reject', { notes: 'x' }), 404, 'wholesaler_application.not_found');
    expectProblem(await app.http.get('/api/wholesaler-applications').set(applicant.auth), 403, 'auth.forbidden');
    expectProblem(await review(applicant.userId, 'approve').set(applicant.auth), 403, 'auth.forbidden');
  });
});
