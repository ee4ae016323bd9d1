import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activate, freshSerials, listWarranties, uniqueConsumer, verify } from './warranty.helpers';

describe('warranty lifecycle: idempotent activation, read, void, re-activation', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const voidWarranty = (id: string, reason: unknown = 'Returned for refund', auth = admin) =>
    app.http.post(`/api/warranty/${id}/void`).set(auth).send({ reason });

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('answers the same warranty for the same Idempotency-Key, and records only one', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const consumer = uniqueConsumer();
    const key = { 'Idempotency-Key': `activate-${serial}` };

    const first = await activate(app, serial!, consumer, key).expect(201);
    const retry = await activate(app, serial!, consumer, key).expect(201);

    expect(retry.body).toEqual(first.body);
    const listed = await listWarranties(app, { serial: serial! }, retry.body.position);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0].id).toBe(first.body.warrantyId);
  });

  it('refuses an Idempotency-Key reused for another serial with 422, leaving the first warranty intact', async () => {
    const { serials: [a, b] } = await freshSerials(app, 2);
    const key = { 'Idempotency-Key': `reused-${a}` };

    const first = await activate(app, a!, uniqueConsumer(), key).expect(201);
    expectProblem(await activate(app, b!, uniqueConsumer(), key), 422, 'idempotency.key_reused');

    expect((await verify(app, a!, first.body.position).expect(200)).body).toMatchObject({ status: 'active', warrantyId: first.body.warrantyId });
    expect((await verify(app, b!, first.body.position).expect(200)).body).toMatchObject({ status: 'none' });
  });

  it('answers 409 warranty.already_active for the same serial under a different key', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    await activate(app, serial!, uniqueConsumer(), { 'Idempotency-Key': `k1-${serial}` }).expect(201);

    expectProblem(await activate(app, serial!, uniqueConsumer(), { 'Idempotency-Key': `k2-${serial}` }), 409, 'warranty.already_active');
  });

  it('reads one warranty by id with its coverage', async () => {
    const { serials: [serial], modelId } = await freshSerials(app, 1);
    const consumer = uniqueConsumer();
    const activated = await activate(app, serial!, consumer).expect(201);

    const res = await app.http
      .get(`/api/warranty/${activated.body.warrantyId}`)
      .set(admin)
      .set('Opsledger-Min-Position', String(activated.body.position))
      .expect(200);

    expect(res.body).toEqual({
      id: activated.body.warrantyId,
      warrantyNumber: activated.body.warrantyNumber,
      serial,
      previousSerials: [],
      modelId,
      consumer,
      channel: 'staff',
      startsOn: activated.body.startsOn,
      endsOn: activated.body.endsOn,
      status: 'active',
      coverage: 'active',
      activatedAt: activated.body.activatedAt,
      activatedBy: expect.any(String),
      remindedAt: null,
      expiredAt: null,
      voidedAt: null,
      voidReason: null,
    });
  });

  it('answers 404 warranty.not_found for an unknown id', async () => {
    expectProblem(await app.http.get('/api/warranty/no-such-warranty').set(admin), 404, 'warranty.not_found');
    expectProblem(await voidWarranty('no-such-warranty'), 404, 'warranty.not_found');
  });

  it('voids a warranty: verify shows void, and the serial can be activated again with a new id', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const first = await activate(app, serial!).expect(201);

    const voided = await voidWarranty(first.body.warrantyId).expect(200);
    expect(voided.body).toEqual({ position: expect.any(Number) });
    expect(voided.headers['opsledger-position']).toBe(String(voided.body.position));

    const afterVoid = await verify(app, serial!, voided.body.position).expect(200);
    expect(afterVoid.body).toMatchObject({ serial, status: 'void', warrantyId: first.body.warrantyId });
    const read = await app.http.get(`/api/warranty/${first.body.warrantyId}`).set(admin).expect(200);
    expect(read.body).toMatchObject({ status: 'void', coverage: 'void', voidReason: 'Returned for refund', voidedAt: expect.any(String) });

    const second = await activate(app, serial!).expect(201);
    expect(second.body.warrantyId).not.toBe(first.body.warrantyId);
    expect(second.body.warrantyNumber).not.toBe(first.body.warrantyNumber);
    const afterReactivation = await verify(app, serial!, second.body.position).expect(200);
    expect(afterReactivation.body).toMatchObject({ status: 'active', warrantyId: second.body.warrantyId });
    const all = await listWarranties(app, { serial: serial! }, second.body.position);
    expect(all.body.items.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      [second.body.warrantyId, 'active'],
      [first.body.warrantyId, 'void'],
    ]);
  });

  it('answers 409 warranty.not_active when voiding a void warranty', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const activated = await activate(app, serial!).expect(201);
    const voided = await voidWarranty(activated.body.warrantyId).expect(200);

    const again = await app.http
      .post(`/api/warranty/${activated.body.warrantyId}/void`)
      .set(admin)
      .set('Opsledger-Min-Position', String(voided.body.position))
      .send({ reason: 'again' });

    expectProblem(again, 409, 'warranty.not_active');
  });

  it('requires a reason to void, and the warranty:void permission', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const activated = await activate(app, serial!).expect(201);
    const id = activated.body.warrantyId as string;

    expect(invalidFields(await app.http.post(`/api/warranty/${id}/void`).set(admin).send({}))).toEqual(['body:reason']);
    expect(invalidFields(await voidWarranty(id, '   '))).toEqual(['body:reason']);
    const wholesaler = bearer((await app.userToken('wholesaler')).token);
    expectProblem(await voidWarranty(id, 'not mine to void', wholesaler), 403, 'auth.forbidden');
    const stillActive = await verify(app, serial!, activated.body.position).expect(200);
    expect(stillActive.body.status).toBe('active');
  });
});
