import { SERIAL_NUMBERS } from '../../../src/application/inventory/inventory.read-model';
import { EXPORT_PAGE_SIZE } from '../../../src/application/shared/csv-export';
import type { DocumentChange, DocumentStore, FindOptions } from '../../../src/application/shared/ports/document-store.port';
import { TOKENS } from '../../../src/main/tokens';
import { expectCsvDownload } from '../../support/csv';
import { availableSerialDocument } from '../../support/serial-documents';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';

const BIG = 100_000;
const SMALL = 3 * EXPORT_PAGE_SIZE;


/** Writes `count` serial documents of `modelId` straight into the read model, in batches. */
const seedSerialDocuments = async (documents: DocumentStore, modelId: string, prefix: string, count: number) => {
  for (let start = 0; start < count; start += 5_000) {
    const changes: DocumentChange[] = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      changes.push({ op: 'put', collection: SERIAL_NUMBERS, document: availableSerialDocument(`${prefix}${String(i).padStart(6, '0')}`, { modelId, batchId: 'bulk' }) });
    }
    await documents.commit(changes);
  }
};

describe('GET /api/inventory/serials/export: streaming large exports page by page', () => {
  let app: TestApp;
  let documents: DocumentStore;
  let find: jest.SpyInstance;
  let realFind: DocumentStore['find'];
  const serialFinds = () =>
    find.mock.calls.filter(([collection]) => collection === SERIAL_NUMBERS).map(([, options]) => options as FindOptions);
  const exportSerials = (query: Record<string, string> = {}) =>
    app.http.get('/api/inventory/serials/export').query(query).set(bearer(app.adminToken));

  beforeAll(async () => {
    app = await startTestApp();
    documents = app.opsledger.container.get<DocumentStore>(TOKENS.documentStore);
    realFind = documents.find.bind(documents);
    await seedSerialDocuments(documents, 'model-big', 'BIG', BIG);
    await seedSerialDocuments(documents, 'model-small', 'SML', SMALL);
  }, 120_000);
  afterAll(() => app.close());
  beforeEach(() => {
    find = jest.spyOn(documents, 'find');
  });
  afterEach(() => find.mockRestore());

  it('exports 100,000+ serials, every one once and in order, never asking the store for more than a page', async () => {
    const res = await exportSerials().expect(200);

    expectCsvDownload(res, 'serials.csv');
    const lines = res.text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(BIG + SMALL + 1);
    expect(lines[1]!.startsWith('BIG000000,model-big,')).toBe(true);
    expect(lines[BIG]!.startsWith(`BIG${String(BIG - 1).padStart(6, '0')},`)).toBe(true);
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(BIG + SMALL + 1);
    const pages = serialFinds();
    expect(pages.length).toBeGreaterThanOrEqual((BIG + SMALL) / EXPORT_PAGE_SIZE);
    expect(pages.every((options) => options.limit !== undefined && options.limit <= EXPORT_PAGE_SIZE && !options.offset)).toBe(true);
    expect(pages[1]!.filter).toEqual({ id: { $gt: `BIG${String(EXPORT_PAGE_SIZE - 1).padStart(6, '0')}` } });
  }, 120_000);

  it('pages a filtered export the same way, keeping the filter on every page', async () => {
    const res = await exportSerials({ modelId: 'model-small' }).expect(200);

    expect(res.text.split('\r\n')).toHaveLength(SMALL + 2);
    const pages = serialFinds();
    expect(pages.map((options) => options.filter?.['modelId'])).toEqual(pages.map(() => 'model-small'));
    expect(pages.every((options) => options.limit === EXPORT_PAGE_SIZE)).toBe(true);
  });

  it('answers problem+json when the store fails before the first byte', async () => {
    find.mockImplementation(async (collection: string, options?: FindOptions) => {
      if (collection === SERIAL_NUMBERS) throw new Error('store down');
      return realFind(collection, options);
    });

    expectProblem(await exportSerials({ modelId: 'model-small' }), 500, 'internal.error');
  });

  it('aborts the response when the store fails part-way, so no truncated file looks complete', async () => {
    let pagesServed = 0;
    find.mockImplementation(async (collection: string, options?: FindOptions) => {
      if (collection === SERIAL_NUMBERS && ++pagesServed > 2) throw new Error('store lost mid-export');
      return realFind(collection, options);
    });

    await expect(exportSerials({ modelId: 'model-small' })).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
  });
});
