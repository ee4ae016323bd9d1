import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activeWarranty, approvedClaim, claimStep, fileClaim, getClaim } from './claims.helpers';
import { uniqueConsumer } from './warranty.helpers';

describe('warranty claims: workflow, assignment and lists', () => {
  let app: TestApp;
  let agent: { token: string; userId: string };

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.userToken('support_agent');
  });
  afterAll(() => app.close());

  const filedClaim = async () => {
    const warranty = await activeWarranty(app);
    const filed = await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201);
    return { warranty, claimId: filed.body.claimId as string, claimNumber: filed.body.claimNumber as string };
  };

  it('lets a support agent review, approve and resolve, keeping each step with who and notes', async () => {
    const { claimId } = await filedClaim();
    expect((await claimStep(app, agent.token, claimId, 'review', { notes: 'Photos look fine' }).expect(200)).body).toMatchObject({ status: 'under_review' });
    expect((await claimStep(app, agent.token, claimId, 'approve').expect(200)).body).toMatchObject({ status: 'approved' });
    const resolved = await claimStep(app, agent.token, claimId, 'resolve', { outcome: 'repaired', notes: 'New cell fitted' }).expect(200);

    const claim = await getClaim(app, agent.token, claimId, resolved.body.position).expect(200);
    expect(claim.body).toMatchObject({ status: 'resolved', outcome: 'repaired', replacementSerial: null, rejectionReason: null });
    expect(claim.body.history.slice(1)).toEqual([
      { status: 'under_review', at: expect.any(String), by: agent.userId, notes: 'Photos look fine' },
      { status: 'approved', at: expect.any(String), by: agent.userId, notes: null },
      { status: 'resolved', at: expect.any(String), by: agent.userId, notes: 'New cell fitted' },
    ]);
  });

  it('rejects with a reason (required), for good', async () => {
    const { claimId } = await filedClaim();
    await claimStep(app, agent.token, claimId, 'review').expect(200);
    expect(invalidFields(await claimStep(app, agent.token, claimId, 'reject', {}))).toEqual(['body:reason']);
    const rejected = await claimStep(app, agent.token, claimId, 'reject', { reason: 'Damage from a short circuit' }).expect(200);
    expect(rejected.body.status).toBe('rejected');

    const again = await claimStep(app, agent.token, claimId, 'review');
    expectProblem(again, 409, 'claim.invalid_transition');
    expect(again.body.details).toMatchObject({ from: 'rejected', to: 'under_review' });
    expectProblem(await claimStep(app, agent.token, claimId, 'assign', { assigneeId: agent.userId }), 409, 'claim.closed');
    expect((await getClaim(app, agent.token, claimId, rejected.body.position).expect(200)).body).toMatchObject({ rejectionReason: 'Damage from a short circuit', closedAt: expect.any(String) });
  });

  it('answers 409 claim.invalid_transition naming from and to for a step out of order', async () => {
    const { claimId } = await filedClaim();
    const res = await claimStep(app, agent.token, claimId, 'approve');
    expectProblem(res, 409, 'claim.invalid_transition');
    expect(res.body.details).toMatchObject({ from: 'pending', to: 'approved' });
  });

  it('validates resolutions: a replacement names its serial, a repair none', async () => {
    const { warranty, claimId } = await (async () => {
      const w = await activeWarranty(app);
      return { warranty: w, ...(await approvedClaim(app, w.serial)) };
    })();
    expect(invalidFields(await claimStep(app, agent.token, claimId, 'resolve', { outcome: 'replaced' }))).toEqual(['body:replacementSerial']);
    expect(invalidFields(await claimStep(app, agent.token, claimId, 'resolve', { outcome: 'repaired', replacementSerial: warranty.serial }))).toEqual(['body:replacementSerial']);
    expect(invalidFields(await claimStep(app, agent.token, claimId, 'resolve', { outcome: 'lost' }))).toEqual(['body:outcome']);
  });

  it('assigns an open claim to staff only (422 claim.invalid_assignee otherwise)', async () => {
    const { claimId } = await filedClaim();
    const manager = await app.userToken('warehouse_manager');
    const consumer = await app.userToken('consumer');

    const assigned = await claimStep(app, agent.token, claimId, 'assign', { assigneeId: manager.userId, notes: 'Warehouse checks the cells' }).expect(200);
    expect(assigned.body).toMatchObject({ status: 'pending', assigneeId: manager.userId });
    expectProblem(await claimStep(app, agent.token, claimId, 'assign', { assigneeId: consumer.userId }), 422, 'claim.invalid_assignee');
    expectProblem(await claimStep(app, agent.token, claimId, 'assign', { assigneeId: 'no-such-user' }), 422, 'claim.invalid_assignee');
    const claim = await getClaim(app, agent.token, claimId, assigned.body.position).expect(200);
    expect(claim.body.assignments).toEqual([{ assigneeId: manager.userId, at: expect.any(String), by: agent.userId, notes: 'Warehouse checks the cells' }]);
  });

  it('answers 404 claim.not_found for an unknown claim, and 403 to roles without claims:manage', async () => {
    expectProblem(await claimStep(app, agent.token, 'no-such-claim', 'review'), 404, 'claim.not_found');
    expectProblem(await app.http.get('/api/warranty/claims/no-such-claim').set(bearer(agent.token)), 404, 'claim.not_found');
    const { claimId } = await filedClaim();
    const manager = await app.userToken('warehouse_manager');
    expectProblem(await claimStep(app, manager.token, claimId, 'review'), 403, 'auth.forbidden');
    expectProblem(await app.http.post(`/api/warranty/claims/${claimId}/review`).send({}), 401, 'auth.unauthenticated');
  });

  it('shows staff every claim and a consumer only their own; filters and pages', async () => {
    const consumer = uniqueConsumer();
    const me = await app.userToken('consumer', consumer.email!);
    const mine = await activeWarranty(app, consumer);
    const filedMine = await fileClaim(app, me.token, { serial: mine.serial }).expect(201);
    const other = await filedClaim();
    await claimStep(app, agent.token, other.claimId, 'review').expect(200);
    const last = await claimStep(app, agent.token, other.claimId, 'assign', { assigneeId: agent.userId }).expect(200);
    const list = (token: string, query: Record<string, string | number> = {}) =>
      app.http.get('/api/warranty/claims').query(query).set(bearer(token)).set('Opsledger-Min-Position', String(last.body.position)).expect(200);

    const own = await list(me.token);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([filedMine.body.claimId]);
    expectProblem(await app.http.get(`/api/warranty/claims/${other.claimId}`).set(bearer(me.token)), 404, 'claim.not_found');
    const stranger = await app.userToken('consumer');
    expectProblem(await app.http.get(`/api/warranty/claims/${filedMine.body.claimId}`).set(bearer(stranger.token)), 404, 'claim.not_found');

    const everything = await list(agent.token, { pageSize: 1 });
    expect(everything.body).toMatchObject({ page: 1, pageSize: 1, totalPages: everything.body.total });
    expect(everything.body.total).toBeGreaterThanOrEqual(2);
    const ids = async (query: Record<string, string>) => (await list(agent.token, query)).body.items.map((c: { id: string }) => c.id);
    expect(await ids({ status: 'under_review', assigneeId: agent.userId })).toEqual([other.claimId]);
    expect(await ids({ serial: other.warranty.serial })).toEqual([other.claimId]);
    expect(await ids({ warrantyId: mine.warrantyId })).toEqual([filedMine.body.claimId]);
    expect(await ids({ claimNumber: other.claimNumber.toLowerCase() })).toEqual([other.claimId]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids({ filedFrom: today, filedTo: today, serial: other.warranty.serial })).toEqual([other.claimId]);
    expect(await ids({ filedTo: '2000-01-01' })).toEqual([]);
    expect(invalidFields(await app.http.get('/api/warranty/claims').query({ status: 'open' }).set(bearer(agent.token)))).toEqual(['query:status']);
  });
});
