import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { generateSerials, getModel, registerModel } from './inventory.helpers';

describe('serial movements: allocate and sell, with stock counts on the model', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const allocate = (serial: string, wholesalerId = 'wholesaler-1', auth = admin) =>
    app.http.post(`/api/inventory/serials/${serial}/allocate`).set(auth).send({ wholesalerId });
  const sell = (serial: string, body: object = { soldTo: 'customer-1' }, auth = admin) =>
    app.http.post(`/api/inventory/serials/${serial}/sell`).set(auth).send(body);
  const getSerial = (serial: string, position: number) =>
    app.http.get(`/api/inventory/serials/${serial}`).set(admin).set('Opsledger-Min-Position', String(position)).expect(200);

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('moves stock counts available → allocated → sold, and available → sold directly', async () => {
    const { id } = await registerModel(app, { lowStockThreshold: 1 });
    const { serials: [first, second, third], position } = await generateSerials(app, id, 3);
    expect(await getModel(app, id, position)).toMatchObject({ stock: { available: 3, allocated: 0, sold: 0 }, lowStock: false });

    const allocated = await allocate(first!).expect(200);
    expect(allocated.body).toEqual({ position: expect.any(Number) });
    expect(allocated.headers['opsledger-position']).toBe(String(allocated.body.position));
    expect((await getModel(app, id, allocated.body.position)).stock).toEqual({ available: 2, allocated: 1, sold: 0, replaced: 0 });

    const soldAllocated = await sell(first!).expect(200);
    expect((await getModel(app, id, soldAllocated.body.position)).stock).toEqual({ available: 2, allocated: 0, sold: 1, replaced: 0 });

    const soldAvailable = await sell(second!, {}).expect(200);
    expect(await getModel(app, id, soldAvailable.body.position)).toMatchObject({
      stock: { available: 1, allocated: 0, sold: 2 },
      lowStock: true,
    });

    const last = await getSerial(third!, soldAvailable.body.position);
    expect(last.body).toMatchObject({ serial: third, status: 'available', allocatedTo: null, soldTo: null });
  });

  it('records who holds and who bought a serial', async () => {
    const { id } = await registerModel(app);
    const { serials: [serial], batchId } = await generateSerials(app, id, 1);
    await allocate(serial!, 'wh-42').expect(200);
    const sold = await sell(serial!, { soldTo: 'shop-7' }).expect(200);

    const res = await getSerial(serial!, sold.body.position);

    expect(res.body).toEqual({
      id: serial,
      serial,
      modelId: id,
      batchId,
      source: 'generated',
      status: 'sold',
      allocatedTo: 'wh-42',
      allocatedAt: expect.any(String),
      // Allocated one by one on this older path, so not part of an allocation record.
      allocationId: null,
      soldTo: 'shop-7',
      soldAt: expect.any(String),
      returnedAt: null,
      replacementSerial: null,
      registeredAt: expect.any(String),
      updatedAt: res.body.soldAt,
    });
  });

  it('answers 409 serial.not_available when allocating twice, and for a sold serial', async () => {
    const { id } = await registerModel(app);
    const { serials: [allocatedTwice, soldFirst] } = await generateSerials(app, id, 2);
    await allocate(allocatedTwice!).expect(200);
    await sell(soldFirst!).expect(200);

    expectProblem(await allocate(allocatedTwice!, 'wholesaler-2'), 409, 'serial.not_available');
    expectProblem(await allocate(soldFirst!), 409, 'serial.not_available');
  });

  it('answers 409 serial.already_sold when selling twice', async () => {
    const { id } = await registerModel(app);
    const { serials: [serial] } = await generateSerials(app, id, 1);
    const sold = await sell(serial!).expect(200);

    expectProblem(await sell(serial!, { soldTo: 'someone-else' }), 409, 'serial.already_sold');
    expect((await getModel(app, id, sold.body.position)).stock).toEqual({ available: 0, allocated: 0, sold: 1, replaced: 0 });
  });

  it('answers 404 serial.not_found for an unknown serial', async () => {
    expectProblem(await allocate('ZZ00000000X'), 404, 'serial.not_found');
    expectProblem(await sell('ZZ00000000X'), 404, 'serial.not_found');
    expectProblem(await app.http.get('/api/inventory/serials/ZZ00000000X').set(admin), 404, 'serial.not_found');
  });

  it('accepts a serial written in lower case with dashes', async () => {
    const { id } = await registerModel(app);
    const { serials: [serial] } = await generateSerials(app, id, 1);
    const messy = `${serial!.slice(0, 4).toLowerCase()}-${serial!.slice(4).toLowerCase()}`;

    const res = await allocate(messy).expect(200);

    expect((await getSerial(messy, res.body.position)).body).toMatchObject({ serial, status: 'allocated' });
  });

  it('rejects a missing wholesalerId and unknown fields with 400', async () => {
    const { id } = await registerModel(app);
    const { serials: [serial] } = await generateSerials(app, id, 1);

    expect(invalidFields(await app.http.post(`/api/inventory/serials/${serial}/allocate`).set(admin).send({}))).toEqual(['body:wholesalerId']);
    expectProblem(await sell(serial!, { soldTo: 'x', price: 10 }), 400, 'validation.failed');
  });

  it('lets a wholesaler sell serials of their own stock only, and never allocate', async () => {
    const { id } = await registerModel(app);
    const { serials: [mine, theirs, unallocated] } = await generateSerials(app, id, 3);
    const { token, userId } = await app.userToken('wholesaler');
    const wholesaler = bearer(token);
    await allocate(mine!, userId).expect(200);
    await allocate(theirs!, 'another-wholesaler').expect(200);

    expectProblem(await allocate(unallocated!, userId, wholesaler), 403, 'auth.forbidden');
    expectProblem(await sell(theirs!, {}, wholesaler), 403, 'serial.not_in_your_stock');
    expectProblem(await sell(unallocated!, {}, wholesaler), 403, 'serial.not_in_your_stock');
    await sell(mine!, {}, wholesaler).expect(200);
  });
});
