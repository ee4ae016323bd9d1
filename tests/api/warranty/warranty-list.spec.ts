import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activate, freshSerials, listWarranties, uniqueConsumer, type Consumer } from './warranty.helpers';

interface WarrantyItem {
  id: string;
  serial: string;
  status: string;
  coverage: string;
}

describe('GET /api/warranty: filters and pagination', () => {
  let app: TestApp;
  let modelId: string;
  let serials: string[];
  let position = 0;
  const consumers: Consumer[] = [];
  const ids: string[] = [];
  const serialsOf = (res: { body: { items: WarrantyItem[] } }) => res.body.items.map((w) => w.serial).sort();
  const list = (query: Record<string, string | number>) => listWarranties(app, query, position);

  beforeAll(async () => {
    app = await startTestApp();
    // One model with five warranties (the last one voided), and an unrelated warranty on another model.
    ({ modelId, serials } = await freshSerials(app, 5));
    for (const serial of serials) {
      const consumer = uniqueConsumer();
      consumers.push(consumer);
      const res = await activate(app, serial, consumer).expect(201);
      ids.push(res.body.warrantyId as string);
      position = Math.max(position, res.body.position as number);
    }
    const voided = await app.http.post(`/api/warranty/${ids[4]}/void`).set(bearer(app.adminToken)).send({ reason: 'fraud' }).expect(200);
    position = Math.max(position, voided.body.position as number);
    const other = await freshSerials(app, 1);
    position = Math.max(position, (await activate(app, other.serials[0]!).expect(201)).body.position as number);
  });
  afterAll(() => app.close());

  it('filters by modelId', async () => {
    const res = await list({ modelId });

    expect(res.body).toMatchObject({ total: 5, totalPages: 1, page: 1, pageSize: 20 });
    expect(serialsOf(res)).toEqual([...serials].sort());
  });

  it('filters by status active and void', async () => {
    const active = await list({ modelId, status: 'active' });
    const voided = await list({ modelId, status: 'void' });

    expect(serialsOf(active)).toEqual(serials.slice(0, 4).sort());
    expect(active.body.items.every((w: WarrantyItem) => w.status === 'active' && w.coverage === 'active')).toBe(true);
    expect(voided.body.items).toEqual([expect.objectContaining({ id: ids[4], status: 'void', coverage: 'void', voidReason: 'fraud' })]);
    expect((await list({ modelId, status: 'expired' })).body.total).toBe(0);
  });

  it('filters by serial, normalising its spelling', async () => {
    const serial = serials[2]!;

    expect((await list({ serial })).body.items.map((w: WarrantyItem) => w.id)).toEqual([ids[2]]);
    expect((await list({ serial: `${serial.slice(0, 5).toLowerCase()}-${serial.slice(5)}` })).body.total).toBe(1);
    expect((await list({ serial: 'ZZ00000000X' })).body.total).toBe(0);
  });

  it('filters by consumer phone and email (email case-insensitively)', async () => {
    const byPhone = await list({ phone: consumers[1]!.phone! });
    const byEmail = await list({ email: consumers[3]!.email!.toUpperCase() });

    expect(byPhone.body.items.map((w: WarrantyItem) => w.id)).toEqual([ids[1]]);
    expect(byEmail.body.items.map((w: WarrantyItem) => w.id)).toEqual([ids[3]]);
    expect((await list({ phone: '+254799999999' })).body.total).toBe(0);
  });

  it('matches a phone however it is spaced or dashed', async () => {
    const phone = consumers[1]!.phone!;
    const spaced = `${phone.slice(0, 4)} ${phone.slice(4, 7)}-${phone.slice(7)}`;

    expect((await list({ phone: spaced })).body.items.map((w: WarrantyItem) => w.id)).toEqual([ids[1]]);
  });

  it('pages with page and pageSize, newest first, without repeats', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list({ modelId, pageSize: 2, page })));

    expect(pages.map((p) => [p.body.page, p.body.pageSize, p.body.total, p.body.totalPages, p.body.items.length])).toEqual([
      [1, 2, 5, 3, 2],
      [2, 2, 5, 3, 2],
      [3, 2, 5, 3, 1],
    ]);
    const seen: { id: string; activatedAt: string }[] = pages.flatMap((p) => p.body.items);
    expect(seen.map((w) => w.id).sort()).toEqual([...ids].sort());
    const stamps = seen.map((w) => w.activatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('shows the full consumer to staff (the list is not public)', async () => {
    const res = await list({ serial: serials[0]! });

    expect(res.body.items[0].consumer).toEqual(consumers[0]);
    expectProblem(await app.http.get('/api/warranty'), 401, 'auth.unauthenticated');
    const consumerToken = (await app.userToken('consumer')).token;
    expectProblem(await app.http.get('/api/warranty').set(bearer(consumerToken)), 403, 'auth.forbidden');
  });

  it('rejects bad filters with 400', async () => {
    const res = await app.http.get('/api/warranty').query({ status: 'lapsed', pageSize: 1000, serial: 'x' }).set(bearer(app.adminToken));

    expect(invalidFields(res).sort()).toEqual(['query:pageSize', 'query:serial', 'query:status']);
  });
});
