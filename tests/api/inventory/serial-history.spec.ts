import { seedModelWithSerials, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { uniqueConsumer } from '../warranty/warranty.helpers';
import { allocateStock, readAt, userIdOf } from './stock.helpers';

interface HistoryEntry {
  position: number;
  stream: 'serial' | 'warranty';
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  data: Record<string, unknown>;
}

describe('GET /api/inventory/serials/:serial/history', () => {
  let app: TestApp;
  let adminId: string;

  beforeAll(async () => {
    app = await startTestApp();
    adminId = userIdOf(app.adminToken);
  });
  afterAll(() => app.close());

  it('tells a battery’s life in order: allocated, sold, warranty activated, returned, with who did each', async () => {
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    const wholesaler = await app.userToken('wholesaler');
    const consumer = await app.userToken('consumer');
    const allocation = await allocateStock(app, { wholesalerId: wholesaler.userId, serials: [serial] }).expect(201);
    await app.http.post(`/api/inventory/serials/${serial}/sell`).set(bearer(wholesaler.token)).send({ soldTo: 'Walk-in customer' }).expect(200);
    const activated = await app.http
      .post('/api/warranty/activate')
      .set(bearer(consumer.token))
      .send({ serial, consumer: uniqueConsumer() })
      .expect(201);
    const returned = await app.http
      .post(`/api/inventory/serials/${serial}/return`)
      .set(bearer(wholesaler.token))
      .send({ reason: 'Does not hold charge' })
      .expect(200);

    const res = await readAt(app, `/api/inventory/serials/${serial!.toLowerCase()}/history`, returned.body.position).expect(200);

    expect(res.body.serial).toBe(serial);
    const entries = res.body.entries as HistoryEntry[];
    expect(entries.map((e) => [e.stream, e.type, e.actorId, e.actorRole])).toEqual([
      ['serial', 'SerialNumberRegistered', adminId, 'admin'],
      ['serial', 'SerialNumberAllocated', adminId, 'admin'],
      ['serial', 'SerialNumberSold', wholesaler.userId, 'wholesaler'],
      ['warranty', 'WarrantyActivated', consumer.userId, 'consumer'],
      ['warranty', 'WarrantyVoided', wholesaler.userId, 'wholesaler'],
      ['serial', 'SerialNumberReturned', wholesaler.userId, 'wholesaler'],
    ]);
    const positions = entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    expect(entries[1]!.data).toMatchObject({ wholesalerId: wholesaler.userId, allocationId: allocation.body.allocationId });
    expect(entries[3]!.data).toMatchObject({ warrantyId: activated.body.warrantyId, channel: 'consumer' });
    expect(entries[4]!.data).toMatchObject({ warrantyId: activated.body.warrantyId, reason: 'Returned: Does not hold charge' });
    expect(entries[5]!.data).toMatchObject({ backTo: 'allocated', wholesalerId: wholesaler.userId });
  });

  it('shows a serial with nothing done to it yet as registered only', async () => {
    const { serials: [serial], position } = await seedModelWithSerials(app, 1);

    const res = await readAt(app, `/api/inventory/serials/${serial}/history`, position).expect(200);

    expect(res.body.entries).toEqual([
      expect.objectContaining({ stream: 'serial', type: 'SerialNumberRegistered', actorId: adminId, actorRole: 'admin', data: expect.objectContaining({ serial }) }),
    ]);
  });

  it('answers 404 serial.not_found for an unknown serial, and 403 to a consumer', async () => {
    expectProblem(await app.http.get('/api/inventory/serials/ZZ00000000X/history').set(bearer(app.adminToken)), 404, 'serial.not_found');
    const { serials: [serial] } = await seedModelWithSerials(app, 1);
    const consumer = await app.userToken('consumer');
    expectProblem(await app.http.get(`/api/inventory/serials/${serial}/history`).set(bearer(consumer.token)), 403, 'auth.forbidden');
  });
});
