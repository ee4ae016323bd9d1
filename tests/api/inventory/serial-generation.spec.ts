import { isWellFormedSerial } from '../../../src/domain/inventory/serial-code';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { generateSerials, getModel, registerModel } from './inventory.helpers';

describe('POST /api/inventory/serials: generating serial batches', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const post = (body: object, headers: Record<string, string> = {}) =>
    app.http.post('/api/inventory/serials').set(admin).set(headers).send(body);
  const serialsOf = async (query: Record<string, string | number>, position: number) =>
    app.http
      .get('/api/inventory/serials')
      .query(query)
      .set(admin)
      .set('Opsledger-Min-Position', String(position))
      .expect(200);

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('answers 201 with a batch of unique, well-formed serials carrying the model prefix', async () => {
    const { id } = await registerModel(app, { serialPrefix: 'QX' });

    const res = await post({ modelId: id, count: 200 }).expect(201);

    expect(res.body).toEqual({ batchId: expect.any(String), modelId: id, serials: expect.any(Array), position: expect.any(Number) });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    const serials = res.body.serials as string[];
    expect(serials).toHaveLength(200);
    expect(new Set(serials).size).toBe(200);
    expect(serials.filter((s) => !isWellFormedSerial(s) || !s.startsWith('QX'))).toEqual([]);
    expect((await getModel(app, id, res.body.position)).stock).toEqual({ available: 200, allocated: 0, sold: 0, replaced: 0 });
  });

  it('uses a per-batch prefix when given, upper-cased', async () => {
    const { id } = await registerModel(app);

    const batch = await generateSerials(app, id, 5, { prefix: 'zz9' });

    expect(batch.serials.every((s) => s.startsWith('ZZ9') && isWellFormedSerial(s))).toBe(true);
  });

  it('never repeats a serial across batches', async () => {
    const { id } = await registerModel(app);

    const batches = await Promise.all([1, 2, 3].map(() => generateSerials(app, id, 50)));

    const all = batches.flatMap((b) => b.serials);
    expect(new Set(all).size).toBe(150);
    expect(new Set(batches.map((b) => b.batchId)).size).toBe(3);
  });

  it.each([0, -1, 1001, 2.5])('rejects count %p with 400 naming count', async (count) => {
    const { id } = await registerModel(app);

    expect(invalidFields(await post({ modelId: id, count }))).toEqual(['body:count']);
  });

  it('rejects a malformed prefix, an unknown field and a missing model id with 400', async () => {
    const { id } = await registerModel(app);

    expect(invalidFields(await post({ modelId: id, count: 1, prefix: 'a-b' }))).toEqual(['body:prefix']);
    expectProblem(await post({ modelId: id, count: 1, colour: 'red' }), 400, 'validation.failed');
    expect(invalidFields(await post({ count: 1 }))).toEqual(['body:modelId']);
  });

  it('answers 404 battery_model.not_found for an unknown model', async () => {
    expectProblem(await post({ modelId: 'no-such-model', count: 1 }), 404, 'battery_model.not_found');
  });

  it('with an Idempotency-Key, a retry answers the same serials and creates none', async () => {
    const { id } = await registerModel(app);
    const key = { 'Idempotency-Key': `serials-${id}` };

    const first = await post({ modelId: id, count: 10 }, key).expect(201);
    const retry = await post({ modelId: id, count: 10 }, key).expect(201);

    expect(retry.body.serials).toEqual(first.body.serials);
    expect(retry.body.batchId).toBe(first.body.batchId);
    const listed = await serialsOf({ modelId: id, pageSize: 200 }, Math.max(first.body.position, retry.body.position));
    expect(listed.body.total).toBe(10);
    expect(listed.body.items.map((s: { serial: string }) => s.serial).sort()).toEqual([...first.body.serials].sort());
    expect((await getModel(app, id, retry.body.position)).stock.available).toBe(10);
  });

  it('refuses an Idempotency-Key reused for another model with 422 and generates nothing for it', async () => {
    const one = await registerModel(app);
    const two = await registerModel(app);
    const key = { 'Idempotency-Key': `shared-${one.id}` };

    const first = await post({ modelId: one.id, count: 2 }, key).expect(201);
    expectProblem(await post({ modelId: two.id, count: 2 }, key), 422, 'idempotency.key_reused');
    expect((await serialsOf({ modelId: two.id }, first.body.position)).body.total).toBe(0);
  });

  it('with a different Idempotency-Key, generates a new batch', async () => {
    const { id } = await registerModel(app);

    const first = await post({ modelId: id, count: 3 }, { 'Idempotency-Key': `a-${id}` }).expect(201);
    const second = await post({ modelId: id, count: 3 }, { 'Idempotency-Key': `b-${id}` }).expect(201);

    expect(second.body.serials.filter((s: string) => first.body.serials.includes(s))).toEqual([]);
    expect((await serialsOf({ modelId: id }, second.body.position)).body.total).toBe(6);
  });

  describe('listing serials', () => {
    let modelId: string;
    let otherModelId: string;
    let batches: { batchId: string; serials: string[] }[];
    let position: number;
    beforeAll(async () => {
      modelId = (await registerModel(app)).id;
      otherModelId = (await registerModel(app)).id;
      batches = [await generateSerials(app, modelId, 4), await generateSerials(app, modelId, 3)];
      const other = await generateSerials(app, otherModelId, 2);
      const allocated = await app.http
        .post(`/api/inventory/serials/${batches[0]!.serials[0]}/allocate`)
        .set(admin)
        .send({ wholesalerId: 'wh-1' })
        .expect(200);
      position = Math.max(other.position, allocated.body.position as number);
    });

    it('filters by modelId', async () => {
      const res = await serialsOf({ modelId }, position);

      expect(res.body).toMatchObject({ total: 7, totalPages: 1 });
      expect(res.body.items.every((s: { modelId: string }) => s.modelId === modelId)).toBe(true);
    });

    it('filters by batchId', async () => {
      const res = await serialsOf({ batchId: batches[1]!.batchId }, position);

      expect(res.body.items.map((s: { serial: string }) => s.serial).sort()).toEqual([...batches[1]!.serials].sort());
    });

    it('filters by status', async () => {
      const allocated = await serialsOf({ modelId, status: 'allocated' }, position);
      const available = await serialsOf({ modelId, status: 'available' }, position);

      expect(allocated.body.items).toEqual([
        expect.objectContaining({ serial: batches[0]!.serials[0], status: 'allocated', allocatedTo: 'wh-1', batchId: batches[0]!.batchId }),
      ]);
      expect(available.body.total).toBe(6);
      expect((await serialsOf({ modelId, status: 'sold' }, position)).body.total).toBe(0);
    });

    it('pages with page and pageSize', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => serialsOf({ modelId, pageSize: 3, page }, position)));

      expect(pages.map((p) => p.body.items.length)).toEqual([3, 3, 1]);
      expect(pages.map((p) => [p.body.page, p.body.total, p.body.totalPages])).toEqual([
        [1, 7, 3],
        [2, 7, 3],
        [3, 7, 3],
      ]);
      const seen = pages.flatMap((p) => p.body.items.map((s: { serial: string }) => s.serial));
      expect(new Set(seen).size).toBe(7);
    });

    it('rejects an unknown status filter with 400', async () => {
      expect(invalidFields(await app.http.get('/api/inventory/serials').query({ status: 'lost' }).set(admin))).toEqual(['query:status']);
    });
  });
});
