import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { allocateStock, readAt } from '../inventory/stock.helpers';
import { freshSerials, uniqueConsumer, WARRANTY_NUMBER } from './warranty.helpers';

describe('POST /api/warranty/issue: a wholesaler sells from their stock and issues the warranty at the counter', () => {
  let app: TestApp;
  let wholesaler: { token: string; userId: string };
  let other: { token: string; userId: string };

  beforeAll(async () => {
    app = await startTestApp();
    wholesaler = await app.userToken('wholesaler');
    other = await app.userToken('wholesaler');
  });
  afterAll(() => app.close());

  const issue = (token: string, serial: string, consumer = uniqueConsumer()) =>
    app.http.post('/api/warranty/issue').set(bearer(token)).send({ serial, consumer });

  it('records the sale to the buyer and a wholesaler-channel warranty', async () => {
    const { serials } = await freshSerials(app, 1);
    const serial = serials[0]!;
    await allocateStock(app, { wholesalerId: wholesaler.userId, serials: [serial] }).expect(201);
    const consumer = uniqueConsumer({ name: 'Grace Njeri' });

    const res = await issue(wholesaler.token, serial, consumer).expect(201);

    expect(res.body).toMatchObject({ serial, channel: 'wholesaler', consumer: { name: 'Grace Njeri' } });
    expect(res.body.warrantyNumber).toMatch(WARRANTY_NUMBER);
    const sold = await readAt(app, `/api/inventory/serials/${serial}`, res.body.position).expect(200);
    expect(sold.body).toMatchObject({ status: 'sold', soldTo: 'Grace Njeri', allocatedTo: wholesaler.userId });
    const stock = await readAt(app, `/api/inventory/stock?wholesalerId=${wholesaler.userId}`, res.body.position, wholesaler.token).expect(200);
    expect(stock.body.items).toEqual([expect.objectContaining({ allocated: 0, sold: 1 })]);
  });

  it("refuses another wholesaler's stock and changes nothing", async () => {
    const { serials } = await freshSerials(app, 1);
    const serial = serials[0]!;
    const allocated = await allocateStock(app, { wholesalerId: wholesaler.userId, serials: [serial] }).expect(201);

    expectProblem(await issue(other.token, serial), 403, 'serial.not_in_your_stock');
    const unchanged = await readAt(app, `/api/inventory/serials/${serial}`, allocated.body.position).expect(200);
    expect(unchanged.body.status).toBe('allocated');
    expect(await app.opsledger.eventStore.readStream(`warranty-${serial}`)).toHaveLength(0);
  });

  it('only warrants a serial already sold (a retried request), and refuses a second warranty', async () => {
    const { serials } = await freshSerials(app, 1);
    const serial = serials[0]!;
    await allocateStock(app, { wholesalerId: wholesaler.userId, serials: [serial] }).expect(201);
    await app.http.post(`/api/inventory/serials/${serial}/sell`).set(bearer(wholesaler.token)).send({ soldTo: 'walk-in' }).expect(200);

    expectProblem(await issue(other.token, serial), 403, 'serial.not_in_your_stock');
    await issue(wholesaler.token, serial).expect(201);
    expectProblem(await issue(wholesaler.token, serial), 409, 'warranty.already_active');
  });

  it('is not for consumers', async () => {
    const consumer = await app.userToken('consumer');
    const { serials } = await freshSerials(app, 1);
    expectProblem(await issue(consumer.token, serials[0]!), 403, 'auth.forbidden');
  });
});
