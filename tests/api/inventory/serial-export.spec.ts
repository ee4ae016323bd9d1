import { SERIAL_NUMBERS } from '../../../src/application/inventory/inventory.read-model';
import type { DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import { TOKENS } from '../../../src/main/tokens';
import { csvRows, expectCsvDownload } from '../../support/csv';
import { availableSerialDocument } from '../../support/serial-documents';
import { seedModelWithSerials, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';

const HEADER = ['serial', 'modelId', 'batchId', 'source', 'status', 'allocatedTo', 'allocationId', 'allocatedAt', 'soldTo', 'soldAt', 'registeredAt'];

describe('GET /api/inventory/serials/export: serial numbers as a CSV download', () => {
  let app: TestApp;
  let first: Awaited<ReturnType<typeof seedModelWithSerials>>;
  let second: Awaited<ReturnType<typeof seedModelWithSerials>>;
  const exportCsv = (query: Record<string, string> = {}, token = app.adminToken) =>
    app.http
      .get('/api/inventory/serials/export')
      .query(query)
      .set(bearer(token))
      .set('Opsledger-Min-Position', String(Math.max(first.position, second.position)));
  const serialsIn = (rows: string[][]) => rows.slice(1).map((row) => row[0]);

  beforeAll(async () => {
    app = await startTestApp();
    first = await seedModelWithSerials(app, 4);
    second = await seedModelWithSerials(app, 3);
    const documents = app.opsledger.container.get<DocumentStore>(TOKENS.documentStore);
    const cells = ['a,b', 'say "hi"', 'line one\nline two', '=1+2', '+254700000000', '-3', '@SUM(A1)', '\tTAB', 'plain'];
    await documents.commit(cells.map((cell, i) => ({ op: 'put', collection: SERIAL_NUMBERS, document: availableSerialDocument(`CSVQ${i}`, { modelId: 'model-csv-quoting', batchId: cell }) })));
  });
  afterAll(() => app.close());

  it('answers every serial of the filtered model, ordered by serial, under a header row', async () => {
    const res = await exportCsv({ modelId: first.modelId }).expect(200);

    expectCsvDownload(res, 'serials.csv');
    const rows = csvRows(res);
    expect(rows[0]).toEqual(HEADER);
    expect(serialsIn(rows)).toEqual([...first.serials].sort());
    expect(rows[1]).toEqual([rows[1]![0], first.modelId, expect.any(String), 'generated', 'available', '', '', '', '', '', expect.any(String)]);
  });

  it('applies the list filters: search (normalised) and status', async () => {
    const wanted = second.serials[1]!;
    const spelled = `${wanted.slice(0, 4).toLowerCase()}-${wanted.slice(4)}`;

    expect(serialsIn(csvRows(await exportCsv({ search: spelled }).expect(200)))).toEqual([wanted]);
    expect(serialsIn(csvRows(await exportCsv({ modelId: second.modelId, status: 'available' }).expect(200)))).toHaveLength(3);
    expect(csvRows(await exportCsv({ modelId: second.modelId, status: 'sold' }).expect(200))).toEqual([HEADER]);
  });

  it('answers only the header row when nothing matches', async () => {
    const res = await exportCsv({ modelId: 'no-such-model' }).expect(200);

    expect(res.text).toBe(`\ufeff${HEADER.join(',')}\r\n`);
  });

  it('quotes commas, quotes and line breaks, and reads back to the same values', async () => {
    const res = await exportCsv({ modelId: 'model-csv-quoting' }).expect(200);

    expect(res.text).toContain(',"a,b",');
    expect(res.text).toContain(',"say ""hi""",');
    expect(res.text).toContain(',"line one\nline two",');
    const batches = Object.fromEntries(csvRows(res).slice(1).map((row) => [row[0], row[2]]));
    expect(batches).toMatchObject({ CSVQ0: 'a,b', CSVQ1: 'say "hi"', CSVQ2: 'line one\nline two', CSVQ8: 'plain' });
  });

  it('neutralises cells a spreadsheet would run as formulas with a leading apostrophe', async () => {
    const res = await exportCsv({ modelId: 'model-csv-quoting' }).expect(200);

    const batches = Object.fromEntries(csvRows(res).slice(1).map((row) => [row[0], row[2]]));
    expect(batches).toMatchObject({ CSVQ3: "'=1+2", CSVQ4: "'+254700000000", CSVQ5: "'-3", CSVQ6: "'@SUM(A1)", CSVQ7: "'\tTAB" });
  });

  it('is not mistaken for a serial: GET /api/inventory/serials/:serial still answers one serial', async () => {
    const res = await app.http.get(`/api/inventory/serials/${first.serials[0]}`).set(bearer(app.adminToken)).expect(200);

    expect(res.body.serial).toBe(first.serials[0]);
  });

  it('validates the filters like the list (400 problem+json)', async () => {
    expectProblem(await exportCsv({ status: 'lost' }), 400, 'validation.failed');
  });

  it('answers 401 without a token and 403 without inventory:read', async () => {
    expectProblem(await app.http.get('/api/inventory/serials/export'), 401, 'auth.unauthenticated');
    const { token } = await app.userToken('consumer');
    expectProblem(await exportCsv({}, token), 403, 'auth.forbidden');
  });
});
