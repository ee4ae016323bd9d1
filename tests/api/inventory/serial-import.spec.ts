import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { generateSerials, registerModel } from './inventory.helpers';

interface RowReport {
  row: number;
  line: number;
  serial: string;
  status: 'accepted' | 'rejected';
  code?: string;
}

describe('POST /api/inventory/serials/import: registering existing serials from CSV', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let stamp = 0;
  /** Serials no other test (or earlier run in this process) uses. */
  const legacy = (n: number) => `LEG${process.pid % 1000}X${++stamp}N${n}`;
  const importCsv = (csv: string, token = app.adminToken) =>
    app.http.post('/api/inventory/serials/import').set(bearer(token)).set('Content-Type', 'text/csv').send(csv);
  const getSerial = (serial: string, position: number) =>
    app.http.get(`/api/inventory/serials/${serial}`).set(admin).set('Opsledger-Min-Position', String(position));
  /** Straight from the event store: no read model lag can hide a registration. */
  const isRegistered = async (serial: string) => (await app.opsledger.eventStore.readStream(`serial-${serial}`)).length > 0;
  const outcome = (rows: RowReport[]) => rows.map((r) => [r.row, r.serial, r.status, r.code ?? null]);

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('accepts good rows (model by id or SKU) and reports each bad row with its reason', async () => {
    const model = await registerModel(app);
    const retired = await registerModel(app);
    await app.http.post(`/api/inventory/models/${retired.id}/retire`).set(admin).expect(200);
    const [generated] = (await generateSerials(app, model.id, 1)).serials;
    const [byId, bySku, dup, onRetired] = [legacy(1), legacy(2), legacy(3), legacy(4)];
    const csv = [
      'serial,model,batch',
      `${byId},${model.id},LEGACY-2019`,
      `${bySku.toLowerCase()},${model.body.sku.toLowerCase()},`,
      `${dup},${model.id},`,
      `${dup.slice(0, 4)}-${dup.slice(4)},${model.id},`,
      `${onRetired},${retired.id},`,
      `${legacy(5)},no-such-model,`,
      `AB,${model.id},`,
      `,${model.id},`,
      `${legacy(6)},,`,
      `${generated},${model.id},`,
    ].join('\n');

    const res = await importCsv(csv).expect(200);

    expect(res.body).toMatchObject({ total: 10, accepted: 3, rejected: 7, position: expect.any(Number) });
    expect(outcome(res.body.rows)).toEqual([
      [1, byId, 'accepted', null],
      [2, bySku, 'accepted', null],
      [3, dup, 'accepted', null],
      [4, dup, 'rejected', 'serial_import.duplicate_in_file'],
      [5, onRetired, 'rejected', 'battery_model.retired'],
      [6, expect.any(String), 'rejected', 'battery_model.not_found'],
      [7, 'AB', 'rejected', 'serial.malformed'],
      [8, '', 'rejected', 'serial_import.missing_value'],
      [9, expect.any(String), 'rejected', 'serial_import.missing_value'],
      [10, generated, 'rejected', 'serial.already_exists'],
    ]);
    expect(res.body.rows[0]).toMatchObject({ line: 2 });
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
    const imported = await getSerial(byId, res.body.position).expect(200);
    expect(imported.body).toMatchObject({ serial: byId, modelId: model.id, batchId: 'LEGACY-2019', source: 'imported', status: 'available' });
    expect((await getSerial(bySku, res.body.position).expect(200)).body).toMatchObject({ modelId: model.id, batchId: null });
  });

  it('lists imported serials in GET /api/inventory/serials', async () => {
    const model = await registerModel(app);
    const serials = [legacy(1), legacy(2), legacy(3)];

    const res = await importCsv(['serial,model', ...serials.map((s) => `${s},${model.id}`)].join('\r\n')).expect(200);

    const list = await app.http
      .get('/api/inventory/serials')
      .query({ modelId: model.id })
      .set(admin)
      .set('Opsledger-Min-Position', String(res.body.position))
      .expect(200);
    expect(list.body.items.map((s: { serial: string }) => s.serial).sort()).toEqual([...serials].sort());
  });

  it('re-importing the same file accepts nothing and reports every row as already registered', async () => {
    const model = await registerModel(app);
    const csv = ['serial,model', `${legacy(1)},${model.id}`, `${legacy(2)},${model.id}`].join('\n');
    expect((await importCsv(csv).expect(200)).body.accepted).toBe(2);

    const again = await importCsv(csv).expect(200);

    expect(again.body).toMatchObject({ total: 2, accepted: 0, rejected: 2 });
    expect(again.body.rows.map((r: RowReport) => r.code)).toEqual(['serial.already_exists', 'serial.already_exists']);
  });

  it('with an Idempotency-Key, a retry answers the same report instead of "already registered"', async () => {
    const model = await registerModel(app);
    const csv = ['serial,model', `${legacy(1)},${model.id}`, `${legacy(2)},no-such-model`].join('\n');
    const key = { 'Idempotency-Key': `import-${model.id}` };

    const first = await importCsv(csv).set(key).expect(200);
    const retry = await importCsv(csv).set(key).expect(200);

    expect(first.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(retry.body).toEqual(first.body);
    expectProblem(await importCsv(`${csv}\n${legacy(3)},${model.id}`).set(key), 422, 'idempotency.key_reused');
  });

  it('takes a multipart/form-data upload in the field "file", with a BOM, spaced headers in any case and extra columns', async () => {
    const model = await registerModel(app);
    const serial = legacy(1);
    const csv = `\ufeff Notes ; x, MODEL , Serial \r\nfrom the old system,${model.body.sku},${serial}\r\n`;

    const res = await app.http
      .post('/api/inventory/serials/import')
      .set(admin)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'serials.csv', contentType: 'text/csv' })
      .expect(200);

    expect(res.body).toMatchObject({ total: 1, accepted: 1, rows: [{ row: 1, serial, status: 'accepted' }] });
  });

  it('refuses a file without the serial and model columns with 422 and registers nothing', async () => {
    const model = await registerModel(app);
    const serial = legacy(1);

    const res = await importCsv(`serial,sku\n${serial},${model.id}\n`);

    expectProblem(res, 422, 'serial_import.missing_columns');
    expect(res.body.details).toMatchObject({ missing: ['model'] });
    expectProblem(await importCsv(''), 400, 'validation.failed');
    expect(await isRegistered(serial)).toBe(false);
  });

  it('refuses more than 10,000 rows with 422 and registers nothing', async () => {
    const model = await registerModel(app);
    const rows = Array.from({ length: 10_001 }, (_, i) => `BULK${process.pid % 1000}R${i},${model.id}`);

    const res = await importCsv(['serial,model', ...rows].join('\n'));

    expectProblem(res, 422, 'serial_import.too_many_rows');
    expect(res.body.details).toMatchObject({ maxRows: 10_000, rows: 10_001 });
    expect(await isRegistered(`BULK${process.pid % 1000}R0`)).toBe(false);
  });

  it('refuses CSV it cannot read with 422 import.malformed_csv', async () => {
    expectProblem(await importCsv('serial,model\n"unclosed,x\n'), 422, 'import.malformed_csv');
  });

  it('answers 415 for a JSON body and 400 for a multipart form without the file field', async () => {
    const json = await app.http.post('/api/inventory/serials/import').set(admin).send({ serial: 'X' });
    expectProblem(json, 415, 'request.unsupported_media_type');
    const wrongField = await app.http
      .post('/api/inventory/serials/import')
      .set(admin)
      .attach('upload', Buffer.from('serial,model\n'), { filename: 'a.csv', contentType: 'text/csv' });
    expectProblem(wrongField, 400, 'request.invalid_upload');
    const noFile = await app.http.post('/api/inventory/serials/import').set(admin).field('note', 'no file');
    expect(invalidFields(noFile)).toEqual(['body:file']);
  });

  it('answers 401 without a token and 403 to roles without inventory:manage', async () => {
    expectProblem(await app.http.post('/api/inventory/serials/import').set('Content-Type', 'text/csv').send('serial,model\n'), 401);
    for (const role of ['sales_rep', 'wholesaler', 'support_agent']) {
      const { token } = await app.userToken(role);
      expectProblem(await importCsv('serial,model\n', token), 403, 'auth.forbidden');
    }
  });
});
