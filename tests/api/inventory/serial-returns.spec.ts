import { seedModelWithSerials, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activate, listWarranties, verify } from '../warranty/warranty.helpers';
import { getModel } from './inventory.helpers';
import { allocateStock, headPosition, readAt, serialDoc, serialEvents, stockOf } from './stock.helpers';

describe('releasing allocated serials and taking back sold ones', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const release = (serial: string, reason: unknown = 'Overstocked', auth = admin) =>
    app.http.post(`/api/inventory/serials/${serial}/release`).set(auth).send({ reason });
  const giveBack = (serial: string, reason: unknown = 'Faulty cell', auth = admin) =>
    app.http.post(`/api/inventory/serials/${serial}/return`).set(auth).send({ reason });
  const sell = (serial: string, auth = admin) => app.http.post(`/api/inventory/serials/${serial}/sell`).set(auth).send({ soldTo: 'Jane, Nakuru' });

  /** A model's serials, the first `allocated` of them in a fresh wholesaler's stock through an allocation. */
  const stockWithWholesaler = async (count: number, allocated: number) => {
    const seeded = await seedModelWithSerials(app, count);
    const wholesaler = await app.userToken('wholesaler');
    const res = await allocateStock(app, { wholesalerId: wholesaler.userId, serials: seeded.serials.slice(0, allocated) }).expect(201);
    return { ...seeded, wholesaler, allocationId: res.body.allocationId as string, position: res.body.position as number };
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('releases an allocated serial back to available stock: counts and the event follow', async () => {
    const { modelId, serials: [serial], wholesaler, allocationId } = await stockWithWholesaler(2, 1);

    const res = await release(serial!).expect(200);

    expect(res.body).toEqual({ position: expect.any(Number) });
    expect(await serialDoc(app, serial!, res.body.position)).toMatchObject({ status: 'available', allocatedTo: null, allocationId: null });
    expect((await getModel(app, modelId, res.body.position)).stock).toEqual({ available: 2, allocated: 0, sold: 0, replaced: 0 });
    expect(await stockOf(app, wholesaler.userId, modelId, res.body.position)).toMatchObject({ allocated: 0, released: 1 });
    const released = (await serialEvents(app, serial!)).at(-1);
    expect(released).toEqual({
      type: 'SerialNumberReleased',
      data: expect.objectContaining({ reason: 'Overstocked', wholesalerId: wholesaler.userId, allocationId }),
    });
  });

  it('answers 409 serial.not_allocated for a serial not in anyone’s stock, and 400 without a reason', async () => {
    const { serials: [allocated, available] } = await stockWithWholesaler(2, 1);

    expectProblem(await release(available!), 409, 'serial.not_allocated');
    expect(invalidFields(await release(allocated!, '  '))).toEqual(['body:reason']);
    expect(invalidFields(await app.http.post(`/api/inventory/serials/${allocated}/release`).set(admin).send({}))).toEqual(['body:reason']);
    expectProblem(await release('ZZ00000000X'), 404, 'serial.not_found');
  });

  it('lets a wholesaler release their own allocated serial only', async () => {
    const mine = await stockWithWholesaler(1, 1);
    const theirs = await stockWithWholesaler(1, 1);
    const me = bearer(mine.wholesaler.token);

    expectProblem(await release(theirs.serials[0]!, 'not mine', me), 403, 'serial.not_in_your_stock');
    const res = await release(mine.serials[0]!, 'Handing back', me).expect(200);
    expect(await serialDoc(app, mine.serials[0]!, res.body.position)).toMatchObject({ status: 'available', allocatedTo: null });
  });

  it('takes back a serial sold from a wholesaler: its warranty is voided and it returns to that wholesaler’s stock', async () => {
    const { modelId, serials: [serial], wholesaler } = await stockWithWholesaler(2, 1);
    await sell(serial!, bearer(wholesaler.token)).expect(200);
    const warranty = await activate(app, serial!).expect(201);

    const res = await giveBack(serial!, 'Faulty cell').expect(200);

    expect(res.body).toEqual({ position: expect.any(Number) });
    const position = res.body.position as number;
    const voided = await readAt(app, `/api/warranty/${warranty.body.warrantyId}`, position).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', coverage: 'void', voidReason: 'Returned: Faulty cell', voidedAt: expect.any(String) });
    expect((await verify(app, serial!, position).expect(200)).body).toMatchObject({ status: 'void', warrantyId: warranty.body.warrantyId });
    expect(await serialDoc(app, serial!, position)).toMatchObject({
      status: 'allocated', allocatedTo: wholesaler.userId, soldTo: null, soldAt: null, returnedAt: expect.any(String),
    });
    expect((await getModel(app, modelId, position)).stock).toEqual({ available: 1, allocated: 1, sold: 0, replaced: 0 });
    expect(await stockOf(app, wholesaler.userId, modelId, position)).toMatchObject({ allocated: 1, sold: 0, returned: 1 });
  });

  it('takes back a serial sold straight from available stock into available stock', async () => {
    const { modelId, serials: [serial] } = await seedModelWithSerials(app, 1);
    await sell(serial!).expect(200);

    const res = await giveBack(serial!, 'Changed mind').expect(200);

    expect(await serialDoc(app, serial!, res.body.position)).toMatchObject({ status: 'available', allocatedTo: null, soldTo: null });
    expect((await getModel(app, modelId, res.body.position)).stock).toEqual({ available: 1, allocated: 0, sold: 0, replaced: 0 });
    const returned = (await serialEvents(app, serial!)).at(-1);
    expect(returned).toEqual({ type: 'SerialNumberReturned', data: expect.objectContaining({ backTo: 'available', wholesalerId: null, reason: 'Changed mind' }) });
  });

  it('answers 409 serial.not_sold for a serial that was never sold, or was already returned', async () => {
    const { serials: [allocated, available, sold] } = await stockWithWholesaler(3, 1);
    await sell(sold!).expect(200);
    await giveBack(sold!).expect(200);

    for (const serial of [allocated!, available!, sold!]) {
      const res = await giveBack(serial);
      expectProblem(res, 409, 'serial.not_sold');
      expect(res.body.details).toMatchObject({ serial });
    }
    expectProblem(await giveBack('ZZ00000000X'), 404, 'serial.not_found');
    expect(invalidFields(await giveBack(allocated!, ''))).toEqual(['body:reason']);
  });

  it('lets the serial be sold again and a new warranty be activated after a return', async () => {
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    await sell(serial!).expect(200);
    const first = await activate(app, serial!).expect(201);
    await giveBack(serial!).expect(200);

    await sell(serial!).expect(200);
    const second = await activate(app, serial!).expect(201);

    expect(second.body.warrantyId).not.toBe(first.body.warrantyId);
    expect(second.body.warrantyNumber).not.toBe(first.body.warrantyNumber);
    expect((await verify(app, serial!, second.body.position).expect(200)).body).toMatchObject({ status: 'active', warrantyId: second.body.warrantyId });
    const all = await listWarranties(app, { serial: serial! }, second.body.position);
    expect(all.body.items.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      [second.body.warrantyId, 'active'],
      [first.body.warrantyId, 'void'],
    ]);
  });

  it('lets a wholesaler take back only what was sold from their own stock; consumers may not', async () => {
    const mine = await stockWithWholesaler(1, 1);
    const theirs = await stockWithWholesaler(1, 1);
    await sell(mine.serials[0]!, bearer(mine.wholesaler.token)).expect(200);
    await sell(theirs.serials[0]!, bearer(theirs.wholesaler.token)).expect(200);
    const me = bearer(mine.wholesaler.token);
    const consumer = bearer((await app.userToken('consumer')).token);

    expectProblem(await giveBack(theirs.serials[0]!, 'not mine', me), 403, 'serial.not_in_your_stock');
    expectProblem(await giveBack(mine.serials[0]!, 'mine', consumer), 403, 'auth.forbidden');
    await giveBack(mine.serials[0]!, 'Swapped for a new one', me).expect(200);
    expect(await serialDoc(app, theirs.serials[0]!, await headPosition(app))).toMatchObject({ status: 'sold' });
  });
});
