import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, invalidFields } from '../identity/problem.helpers';
import { generateSerials, registerModel } from './inventory.helpers';

interface ModelItem {
  id: string;
  name: string;
  status: string;
  lowStock: boolean;
}

describe('GET /api/inventory/models: filters and pagination', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let lastPosition = 0;
  const ids: Record<string, string> = {};
  const names = (res: { body: { items: ModelItem[] } }) => res.body.items.map((m) => m.name);
  const list = (query: Record<string, string | number>) =>
    app.http.get('/api/inventory/models').query(query).set(admin).set('Opsledger-Min-Position', String(lastPosition)).expect(200);

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
    // Five "Quasar" models: A..C stocked above their threshold, D and E empty; E retired.
    for (const letter of ['A', 'B', 'C', 'D', 'E']) {
      const model = await registerModel(app, { name: `Quasar ${letter}`, lowStockThreshold: 1 });
      ids[letter] = model.id;
      lastPosition = Math.max(lastPosition, model.position);
    }
    for (const letter of ['A', 'B', 'C']) {
      lastPosition = Math.max(lastPosition, (await generateSerials(app, ids[letter]!, 3)).position);
    }
    const retired = await app.http.post(`/api/inventory/models/${ids['E']}/retire`).set(admin).expect(200);
    lastPosition = Math.max(lastPosition, retired.body.position as number);
    lastPosition = Math.max(lastPosition, (await registerModel(app, { name: 'Other Nebula' })).position);
  });
  afterAll(() => app.close());

  it('searches names case-insensitively and sorts by name by default', async () => {
    const res = await list({ search: 'quasar' });

    expect(names(res)).toEqual(['Quasar A', 'Quasar B', 'Quasar C', 'Quasar D', 'Quasar E']);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 5, totalPages: 1 });
  });

  it('pages with page and pageSize, reporting total and totalPages', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list({ search: 'Quasar', pageSize: 2, page })));

    expect(pages.map((p) => names(p))).toEqual([['Quasar A', 'Quasar B'], ['Quasar C', 'Quasar D'], ['Quasar E']]);
    for (const [index, page] of pages.entries()) {
      expect(page.body).toMatchObject({ page: index + 1, pageSize: 2, total: 5, totalPages: 3 });
    }
  });

  it('filters by status', async () => {
    expect(names(await list({ search: 'Quasar', status: 'retired' }))).toEqual(['Quasar E']);
    expect(names(await list({ search: 'Quasar', status: 'active' }))).toEqual(['Quasar A', 'Quasar B', 'Quasar C', 'Quasar D']);
  });

  it('filters by lowStock (available at or below the threshold)', async () => {
    const low = await list({ search: 'Quasar', lowStock: 'true' });
    const stocked = await list({ search: 'Quasar', lowStock: 'false' });

    expect(names(low)).toEqual(['Quasar D', 'Quasar E']);
    expect(low.body.items.every((m: ModelItem) => m.lowStock)).toBe(true);
    expect(names(stocked)).toEqual(['Quasar A', 'Quasar B', 'Quasar C']);
  });

  it('combines filters', async () => {
    const res = await list({ search: 'Quasar', status: 'active', lowStock: 'true' });

    expect(names(res)).toEqual(['Quasar D']);
    expect(res.body.items[0].id).toBe(ids['D']);
  });

  it('sorts by the requested field, descending with a leading dash', async () => {
    const res = await list({ search: 'Quasar', sort: '-name', pageSize: 2 });

    expect(names(res)).toEqual(['Quasar E', 'Quasar D']);
  });

  it('answers an empty page for a search that matches nothing', async () => {
    const res = await list({ search: 'no model is called this' });

    expect(res.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0, totalPages: 0 });
  });

  it('rejects bad filters and paging with 400 naming the parameters', async () => {
    const res = await app.http
      .get('/api/inventory/models')
      .query({ status: 'lost', lowStock: 'yes', page: -1, pageSize: 0, sort: 'colour' })
      .set(admin);

    expect(invalidFields(res).sort()).toEqual(['query:lowStock', 'query:page', 'query:pageSize', 'query:sort', 'query:status']);
  });
});
