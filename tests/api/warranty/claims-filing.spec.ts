import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activeWarranty, claimStep, DESCRIPTION, fileClaim, getClaim } from './claims.helpers';
import { uniqueConsumer } from './warranty.helpers';

describe('warranty claims: filing', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('files a pending claim as staff, with a CL- number, and reads it back with its history', async () => {
    const warranty = await activeWarranty(app);
    const filed = await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201);

    expect(filed.body).toEqual({ claimId: expect.any(String), claimNumber: expect.stringMatching(/^CL-[2-9A-Z]{4}-[2-9A-Z]{4}$/), status: 'pending', position: expect.any(Number) });
    expect(filed.headers['opsledger-position']).toBe(String(filed.body.position));
    const read = await getClaim(app, app.adminToken, filed.body.claimId, filed.body.position).expect(200);
    expect(read.body).toMatchObject({
      id: filed.body.claimId,
      claimNumber: filed.body.claimNumber,
      warrantyId: warranty.warrantyId,
      warrantyNumber: warranty.warrantyNumber,
      serial: warranty.serial,
      consumer: warranty.consumer,
      description: DESCRIPTION,
      attachments: [],
      channel: 'staff',
      status: 'pending',
      assigneeId: null,
      history: [{ status: 'pending', at: read.body.filedAt, by: expect.any(String), notes: null }],
    });
  });

  it('files by warranty id as well as by serial', async () => {
    const warranty = await activeWarranty(app);
    const filed = await app.http
      .post('/api/warranty/claims')
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(warranty.position))
      .send({ warrantyId: warranty.warrantyId, description: DESCRIPTION })
      .expect(201);
    const read = await getClaim(app, app.adminToken, filed.body.claimId, filed.body.position).expect(200);
    expect(read.body).toMatchObject({ serial: warranty.serial, warrantyId: warranty.warrantyId });
  });

  it('lets a consumer file for a warranty issued to their email, and no one else’s (403)', async () => {
    const consumer = uniqueConsumer();
    const { token } = await app.userToken('consumer', consumer.email!);
    const own = await activeWarranty(app, consumer);
    const someoneElses = await activeWarranty(app);

    const filed = await fileClaim(app, token, { serial: own.serial }).expect(201);
    const read = await getClaim(app, token, filed.body.claimId, filed.body.position).expect(200);
    expect(read.body).toMatchObject({ channel: 'consumer', consumerUserId: expect.any(String) });
    expectProblem(await fileClaim(app, token, { serial: someoneElses.serial }), 403, 'claim.not_your_warranty');
  });

  it('validates the body: a description of 10..2000 characters, and a serial or a warranty id', async () => {
    const warranty = await activeWarranty(app);
    expect(invalidFields(await fileClaim(app, app.adminToken, { serial: warranty.serial, description: 'short' }))).toEqual(['body:description']);
    expect(invalidFields(await fileClaim(app, app.adminToken, {}))).toEqual(['body:serial']);
    expect(invalidFields(await fileClaim(app, app.adminToken, { serial: warranty.serial, warrantyId: warranty.warrantyId }))).toEqual(['body:serial']);
    expect(invalidFields(await fileClaim(app, app.adminToken, { serial: warranty.serial, extra: 1 }))).toEqual(['body:']);
  });

  it('answers 401 without a token and 403 to a role without claims:file', async () => {
    const warranty = await activeWarranty(app);
    expectProblem(await app.http.post('/api/warranty/claims').send({ serial: warranty.serial, description: DESCRIPTION }), 401, 'auth.unauthenticated');
    const agent = await app.userToken('support_agent');
    expectProblem(await fileClaim(app, agent.token, { serial: warranty.serial }), 403, 'auth.forbidden');
  });

  it('answers 404 for a serial without a warranty and for an unknown warranty id', async () => {
    expectProblem(await fileClaim(app, app.adminToken, { serial: 'NOSUCHSERIAL1' }), 404, 'warranty.not_found');
    expectProblem(await fileClaim(app, app.adminToken, { warrantyId: 'no-such-warranty' }), 404, 'warranty.not_found');
  });

  it('refuses a warranty that is not active with 409 claim.warranty_not_active', async () => {
    const warranty = await activeWarranty(app);
    await app.http.post(`/api/warranty/${warranty.warrantyId}/void`).set(bearer(app.adminToken)).set('Opsledger-Min-Position', String(warranty.position)).send({ reason: 'Sold in error' }).expect(200);

    expectProblem(await fileClaim(app, app.adminToken, { serial: warranty.serial }), 409, 'claim.warranty_not_active');
  });

  it('keeps one open claim per warranty, and frees the warranty once the claim is rejected', async () => {
    const warranty = await activeWarranty(app);
    const first = await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201);
    expectProblem(await fileClaim(app, app.adminToken, { serial: warranty.serial }), 409, 'claim.open_claim_exists');

    await claimStep(app, app.adminToken, first.body.claimId, 'review').expect(200);
    await claimStep(app, app.adminToken, first.body.claimId, 'reject', { reason: 'Damage from a short circuit' }).expect(200);
    const second = await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201);
    expect(second.body.claimNumber).not.toBe(first.body.claimNumber);
  });

  it('files exactly one of many parallel claims for one warranty', async () => {
    const warranty = await activeWarranty(app);
    const results = await Promise.all(Array.from({ length: 6 }, () => fileClaim(app, app.adminToken, { serial: warranty.serial })));

    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.status === 409)) expectProblem(refused, 409, 'claim.open_claim_exists');
    const position = Math.max(...results.filter((r) => r.status === 201).map((r) => r.body.position as number));
    const listed = await app.http.get('/api/warranty/claims').query({ serial: warranty.serial }).set(bearer(app.adminToken)).set('Opsledger-Min-Position', String(position)).expect(200);
    expect(listed.body.total).toBe(1);
  });

  it('answers the same claim to a retry with the same Idempotency-Key', async () => {
    const warranty = await activeWarranty(app);
    const key = { 'Idempotency-Key': `claim-${warranty.serial}` };
    const first = await fileClaim(app, app.adminToken, { serial: warranty.serial }).set(key).expect(201);
    const retry = await fileClaim(app, app.adminToken, { serial: warranty.serial }).set(key).expect(201);
    expect(retry.body).toEqual(first.body);
  });
});
