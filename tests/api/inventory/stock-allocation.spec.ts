import { seedModelWithSerials, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { getModel } from './inventory.helpers';
import {
  allocateStock,
  allocationsOf,
  headPosition,
  readAt,
  serialDoc,
  serialEvents,
  stockOf,
  userIdOf,
  type AllocationRecord,
} from './stock.helpers';

describe('stock allocation to wholesalers: records, counts, all or nothing', () => {
  let app: TestApp;
  let adminId: string;
  const wholesaler = () => app.userToken('wholesaler');
  /** A model whose serials the read model already lists: quantity allocations pick from it. */
  const stockedModel = async (count: number) => {
    const seeded = await seedModelWithSerials(app, count);
    await getModel(app, seeded.modelId, seeded.position);
    return seeded;
  };

  beforeAll(async () => {
    app = await startTestApp();
    adminId = userIdOf(app.adminToken);
  });
  afterAll(() => app.close());

  it('allocates named serials: the record says who, when, what and why, and the serials show it', async () => {
    const { modelId, serials: [a, b, c] } = await seedModelWithSerials(app, 3);
    const { userId } = await wholesaler();

    const res = await allocateStock(app, { wholesalerId: userId, serials: [a!.toLowerCase(), b], notes: 'Opening stock for Nakuru' }).expect(201);

    expect(res.body).toEqual({ allocationId: expect.any(String), serials: [a, b], position: expect.any(Number) });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    const record = await readAt(app, `/api/inventory/allocations/${res.body.allocationId}`, res.body.position).expect(200);
    expect(record.body).toEqual({
      id: res.body.allocationId,
      wholesalerId: userId,
      modelId: null,
      quantity: 2,
      requestedSerials: [a, b],
      serials: [a, b],
      notes: 'Opening stock for Nakuru',
      status: 'completed',
      failureReason: null,
      openedBy: adminId,
      openedAt: expect.any(String),
      closedAt: expect.any(String),
    });
    expect(Date.parse(record.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(record.body.openedAt));
    for (const serial of [a!, b!]) {
      expect(await serialDoc(app, serial, res.body.position)).toMatchObject({
        status: 'allocated', allocatedTo: userId, allocationId: res.body.allocationId,
      });
    }
    expect(await serialDoc(app, c!, res.body.position)).toMatchObject({ status: 'available', allocatedTo: null, allocationId: null });
    expect((await getModel(app, modelId, res.body.position)).stock).toEqual({ available: 1, allocated: 2, sold: 0, replaced: 0 });
    expect(await stockOf(app, userId, modelId, res.body.position)).toMatchObject({ allocated: 2, sold: 0, released: 0, returned: 0 });
  });

  it('allocates a quantity of a model from its available stock, counted per wholesaler', async () => {
    const { modelId, serials } = await stockedModel(6);
    const [first, second] = [await wholesaler(), await wholesaler()];

    const toFirst = await allocateStock(app, { wholesalerId: first.userId, modelId, quantity: 3 }).expect(201);
    const toSecond = await allocateStock(app, { wholesalerId: second.userId, modelId, quantity: 2, notes: null }).expect(201);

    expect(toFirst.body.serials).toHaveLength(3);
    expect(toSecond.body.serials).toHaveLength(2);
    const given = [...toFirst.body.serials, ...toSecond.body.serials] as string[];
    expect(new Set(given).size).toBe(5);
    expect(given.every((s) => serials.includes(s))).toBe(true);
    const position = toSecond.body.position as number;
    const record = (await readAt(app, `/api/inventory/allocations/${toFirst.body.allocationId}`, position).expect(200)).body as AllocationRecord;
    expect(record).toMatchObject({
      wholesalerId: first.userId, modelId, quantity: 3, requestedSerials: [], serials: toFirst.body.serials, status: 'completed', notes: null, openedBy: adminId,
    });
    expect((await getModel(app, modelId, position)).stock).toEqual({ available: 1, allocated: 5, sold: 0, replaced: 0 });
    expect(await stockOf(app, first.userId, modelId, position)).toMatchObject({ wholesalerId: first.userId, modelId, allocated: 3 });
    expect(await stockOf(app, second.userId, modelId, position)).toMatchObject({ wholesalerId: second.userId, modelId, allocated: 2 });
    const allStock = await readAt(app, `/api/inventory/stock?modelId=${modelId}`, position).expect(200);
    expect(allStock.body.items.map((row: { wholesalerId: string; allocated: number }) => [row.wholesalerId, row.allocated]).sort()).toEqual(
      [[first.userId, 3], [second.userId, 2]].sort(),
    );
  });

  it('answers on the seed path POST /api/inventory/allocate too', async () => {
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    const { userId } = await wholesaler();

    const res = await allocateStock(app, { wholesalerId: userId, serials: [serial] }, app.adminToken, '/api/inventory/allocate').expect(201);

    expect(res.body).toEqual({ allocationId: expect.any(String), serials: [serial], position: expect.any(Number) });
    expect(await serialDoc(app, serial!, res.body.position)).toMatchObject({ allocatedTo: userId, allocationId: res.body.allocationId });
  });

  it('lists allocation records, filtered by wholesaler and status', async () => {
    const { modelId, serials: [a, b] } = await seedModelWithSerials(app, 2);
    const { userId } = await wholesaler();
    const one = await allocateStock(app, { wholesalerId: userId, serials: [a] }).expect(201);
    const two = await allocateStock(app, { wholesalerId: userId, serials: [b] }).expect(201);

    const list = await readAt(app, `/api/inventory/allocations?wholesalerId=${userId}&status=completed`, two.body.position).expect(200);

    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items.map((r: AllocationRecord) => r.id).sort()).toEqual([one.body.allocationId, two.body.allocationId].sort());
    const failedOnly = await readAt(app, `/api/inventory/allocations?wholesalerId=${userId}&status=failed`, two.body.position).expect(200);
    expect(failedOnly.body.total).toBe(0);
    expect((await readAt(app, `/api/inventory/allocations?modelId=${modelId}`, two.body.position).expect(200)).body.total).toBe(0);
  });

  it('rejects a body with both, or neither, named serials and a model quantity with 400', async () => {
    const { modelId, serials: [serial] } = await seedModelWithSerials(app, 1);
    const { userId } = await wholesaler();
    const post = (body: object) => allocateStock(app, { wholesalerId: userId, ...body });

    expectProblem(await post({ serials: [serial], modelId, quantity: 1 }), 400, 'validation.failed');
    expectProblem(await post({}), 400, 'validation.failed');
    expectProblem(await post({ modelId }), 400, 'validation.failed');
    expectProblem(await post({ quantity: 1 }), 400, 'validation.failed');
    expect(invalidFields(await post({ modelId, quantity: 0 }))).toContain('body:quantity');
    expect(invalidFields(await post({ serials: [] }))).toContain('body:serials');
    expect(invalidFields(await allocateStock(app, { serials: [serial] }))).toContain('body:wholesalerId');
    expectProblem(await post({ serials: [serial], price: 10 }), 400, 'validation.failed');
    // Well-formed but contradictory: the decider refuses it (422, like every domain `invalid`).
    expectProblem(await post({ serials: [serial, serial] }), 422, 'allocation.duplicate_serials');
    expect(await serialDoc(app, serial!, await headPosition(app))).toMatchObject({ status: 'available' });
  });

  it('answers 404 allocation.wholesaler_not_found for an unknown user or one who is not a wholesaler', async () => {
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    const salesRep = await app.userToken('sales_rep');

    for (const wholesalerId of ['no-such-user', salesRep.userId, adminId]) {
      const res = await allocateStock(app, { wholesalerId, serials: [serial] });
      expectProblem(res, 404, 'allocation.wholesaler_not_found');
      expect(res.body.details).toMatchObject({ wholesalerId });
    }
    expect(await serialDoc(app, serial!, await headPosition(app))).toMatchObject({ status: 'available', allocatedTo: null });
  });

  it('answers 409 allocation.insufficient_stock and changes nothing: taken serials go back, the record shows failed', async () => {
    const { modelId, serials } = await stockedModel(3);
    const { userId } = await wholesaler();

    const res = await allocateStock(app, { wholesalerId: userId, modelId, quantity: 5, notes: 'too many' });

    expectProblem(res, 409, 'allocation.insufficient_stock');
    expect(res.body.details).toMatchObject({ modelId, requested: 5 });
    const position = await headPosition(app);
    expect((await getModel(app, modelId, position)).stock).toEqual({ available: 3, allocated: 0, sold: 0, replaced: 0 });
    for (const serial of serials) {
      expect(await serialDoc(app, serial, position)).toMatchObject({ status: 'available', allocatedTo: null, allocationId: null });
      const types = (await serialEvents(app, serial)).map((e) => e.type);
      expect(types.filter((t) => t === 'SerialNumberAllocated').length).toBe(types.filter((t) => t === 'SerialNumberReleased').length);
    }
    expect(await stockOf(app, userId, modelId, position)).toMatchObject({ allocated: 0 });
    const [record] = await allocationsOf(app, userId, position);
    expect(record).toMatchObject({ modelId, quantity: 5, status: 'failed', failureReason: 'allocation.insufficient_stock', serials: [], notes: 'too many' });
  });

  it('answers 409 allocation.serials_unavailable naming the refused serial, and changes nothing', async () => {
    const { modelId, serials: [a, b, taken] } = await seedModelWithSerials(app, 3);
    const [holder, latecomer] = [await wholesaler(), await wholesaler()];
    await allocateStock(app, { wholesalerId: holder.userId, serials: [taken] }).expect(201);

    const res = await allocateStock(app, { wholesalerId: latecomer.userId, serials: [a, taken, b] });

    expectProblem(res, 409, 'allocation.serials_unavailable');
    expect(res.body.details.refused).toEqual([{ serial: taken, code: 'serial.not_available' }]);
    const position = await headPosition(app);
    expect(await serialDoc(app, a!, position)).toMatchObject({ status: 'available', allocatedTo: null });
    expect(await serialDoc(app, b!, position)).toMatchObject({ status: 'available', allocatedTo: null });
    expect(await serialDoc(app, taken!, position)).toMatchObject({ status: 'allocated', allocatedTo: holder.userId });
    expect((await getModel(app, modelId, position)).stock).toEqual({ available: 2, allocated: 1, sold: 0, replaced: 0 });
    const [record] = await allocationsOf(app, latecomer.userId, position);
    expect(record).toMatchObject({ status: 'failed', failureReason: 'allocation.serials_unavailable', requestedSerials: [a, taken, b], serials: [] });
  });

  it('names an unknown serial in the refused list, and changes nothing', async () => {
    const { serials: [a] } = await seedModelWithSerials(app, 1);
    const { userId } = await wholesaler();

    const res = await allocateStock(app, { wholesalerId: userId, serials: [a, 'ZZ00000000X'] });

    expectProblem(res, 409, 'allocation.serials_unavailable');
    expect(res.body.details.refused).toEqual([{ serial: 'ZZ00000000X', code: 'serial.not_found' }]);
    expect(await serialDoc(app, a!, await headPosition(app))).toMatchObject({ status: 'available' });
  });

  it('refuses consumers and wholesalers with 403: only staff allocate', async () => {
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    const self = await wholesaler();
    const consumer = await app.userToken('consumer');

    expectProblem(await allocateStock(app, { wholesalerId: self.userId, serials: [serial] }, consumer.token), 403, 'auth.forbidden');
    expectProblem(await allocateStock(app, { wholesalerId: self.userId, serials: [serial] }, self.token), 403, 'auth.forbidden');
    expectProblem(await app.http.get('/api/inventory/allocations').set(bearer(consumer.token)), 403, 'auth.forbidden');
    expect(await serialDoc(app, serial!, await headPosition(app))).toMatchObject({ status: 'available' });
  });

  it('shows a wholesaler their own allocations and stock only, and 403 for another’s', async () => {
    const { modelId, serials: [mine, theirs] } = await seedModelWithSerials(app, 2);
    const [me, other] = [await wholesaler(), await wholesaler()];
    const myAllocation = await allocateStock(app, { wholesalerId: me.userId, serials: [mine] }).expect(201);
    const theirAllocation = await allocateStock(app, { wholesalerId: other.userId, serials: [theirs] }).expect(201);
    const position = theirAllocation.body.position as number;
    const asMe = (url: string) => readAt(app, url, position, me.token);

    const list = await asMe('/api/inventory/allocations').expect(200);
    expect(list.body.items.map((r: AllocationRecord) => r.id)).toEqual([myAllocation.body.allocationId]);
    const stock = await asMe('/api/inventory/stock').expect(200);
    expect(stock.body.items).toEqual([expect.objectContaining({ wholesalerId: me.userId, modelId, allocated: 1 })]);
    await asMe(`/api/inventory/allocations/${myAllocation.body.allocationId}`).expect(200);

    expectProblem(await asMe(`/api/inventory/allocations?wholesalerId=${other.userId}`), 403, 'inventory.not_your_stock');
    expectProblem(await asMe(`/api/inventory/stock?wholesalerId=${other.userId}`), 403, 'inventory.not_your_stock');
    expectProblem(await asMe(`/api/inventory/allocations/${theirAllocation.body.allocationId}`), 403, 'inventory.not_your_stock');
  });

  it('answers 404 allocation.not_found for an unknown allocation id', async () => {
    expectProblem(await app.http.get('/api/inventory/allocations/no-such-allocation').set(bearer(app.adminToken)), 404, 'allocation.not_found');
  });
});
