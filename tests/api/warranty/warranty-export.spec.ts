import { csvRows, expectCsvDownload } from '../../support/csv';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer } from './warranty.helpers';

const HEADER = [
  'warrantyNumber', 'warrantyId', 'serial', 'modelId', 'consumerName', 'consumerPhone', 'consumerEmail', 'channel',
  'startsOn', 'endsOn', 'status', 'coverage', 'activatedAt', 'activatedBy', 'voidedAt', 'voidReason',
];

describe('GET /api/warranty/export: warranties as a CSV download', () => {
  let app: TestApp;
  let modelId: string;
  let serials: string[];
  let position = 0;
  const ids: string[] = [];
  const names = ['Achieng, Otieno', 'Wanjikũ "Shiku" Kamau', '=HYPERLINK("http://evil.example","x")', '@Mwangi', 'Plain Name'];
  const exportCsv = (query: Record<string, string> = {}, token = app.adminToken) =>
    app.http.get('/api/warranty/export').query(query).set(bearer(token)).set('Opsledger-Min-Position', String(position));
  const byColumn = (rows: string[][], column: string) => rows.slice(1).map((row) => row[HEADER.indexOf(column)]);

  beforeAll(async () => {
    app = await startTestApp();
    ({ modelId, serials } = await freshSerials(app, names.length));
    for (const [i, name] of names.entries()) {
      const res = await activate(app, serials[i]!, uniqueConsumer({ name })).expect(201);
      ids.push(res.body.warrantyId as string);
      position = Math.max(position, res.body.position as number);
    }
    const voided = await app.http.post(`/api/warranty/${ids[4]}/void`).set(bearer(app.adminToken)).send({ reason: 'fraud, again' }).expect(200);
    position = Math.max(position, voided.body.position as number);
    const other = await freshSerials(app, 1);
    position = Math.max(position, (await activate(app, other.serials[0]!).expect(201)).body.position as number);
  });
  afterAll(() => app.close());

  it('answers the filtered warranties under a header row, with coverage judged today', async () => {
    const res = await exportCsv({ modelId }).expect(200);

    expectCsvDownload(res, 'warranties.csv');
    const rows = csvRows(res);
    expect(rows[0]).toEqual(HEADER);
    expect(byColumn(rows, 'warrantyId').sort()).toEqual([...ids].sort());
    expect(byColumn(rows, 'coverage').sort()).toEqual(['active', 'active', 'active', 'active', 'void']);
  });

  it('applies the list filters: status and serial', async () => {
    expect(byColumn(csvRows(await exportCsv({ modelId, status: 'void' }).expect(200)), 'warrantyId')).toEqual([ids[4]]);
    expect(byColumn(csvRows(await exportCsv({ modelId, status: 'active' }).expect(200)), 'warrantyId')).toHaveLength(4);
    expect(byColumn(csvRows(await exportCsv({ serial: serials[1]!.toLowerCase() }).expect(200)), 'warrantyId')).toEqual([ids[1]]);
    expect(csvRows(await exportCsv({ modelId, status: 'expired' }).expect(200))).toEqual([HEADER]);
  });

  it('quotes commas and quotes, and neutralises formula-like cells', async () => {
    const res = await exportCsv({ modelId }).expect(200);

    expect(res.text).toContain('"Achieng, Otieno"');
    expect(res.text).toContain('"Wanjikũ ""Shiku"" Kamau"');
    const rows = csvRows(res);
    expect(byColumn(rows, 'consumerName').sort()).toEqual(
      ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'@Mwangi", 'Achieng, Otieno', 'Plain Name', 'Wanjikũ "Shiku" Kamau'].sort(),
    );
    // Phone numbers start with +: a spreadsheet would read them as formulas or numbers, so they come as text too.
    expect(byColumn(rows, 'consumerPhone').every((phone) => phone!.startsWith("'+254"))).toBe(true);
    expect(byColumn(rows, 'voidReason')).toContain('fraud, again');
  });

  it('answers 401 without a token, 403 without warranty:read, 400 for a bad filter', async () => {
    expectProblem(await app.http.get('/api/warranty/export'), 401, 'auth.unauthenticated');
    const { token } = await app.userToken('consumer');
    expectProblem(await exportCsv({}, token), 403, 'auth.forbidden');
    expectProblem(await exportCsv({ status: 'forever' }), 400, 'validation.failed');
  });
});
