import { csvRows, expectCsvDownload } from '../../support/csv';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';
import { activeWarranty, claimStep, fileClaim } from '../warranty/claims.helpers';
import { freshSerials } from '../warranty/warranty.helpers';

describe('CSV exports of allocations and claims', () => {
  let app: TestApp;
  let position = 0;
  const seen = (p: number) => (position = Math.max(position, p));
  const download = (path: string, query: Record<string, string>, token = app.adminToken) =>
    app.http.get(path).query(query).set(bearer(token)).set('Opsledger-Min-Position', String(position));
  const column = (rows: string[][], name: string) => rows.slice(1).map((row) => row[rows[0]!.indexOf(name)]);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('exports allocation records with the list filters; a wholesaler gets only their own', async () => {
    const [first, second] = [await app.userToken('wholesaler'), await app.userToken('wholesaler')];
    const { serials } = await freshSerials(app, 4);
    const allocate = async (wholesalerId: string, named: string[], notes: string) => {
      const res = await app.http.post('/api/inventory/allocations').set(bearer(app.adminToken))
        .send({ wholesalerId, serials: named, notes }).expect(201);
      seen(res.body.position);
      return res.body.allocationId as string;
    };
    const a = await allocate(first!.userId, serials.slice(0, 2), 'Nakuru, opening stock');
    const b = await allocate(second!.userId, serials.slice(2), '=cmd|calc');

    await download('/api/inventory/allocations/export', { from: 'yesterday' }).expect(400);
    const res = await download('/api/inventory/allocations/export', {}).expect(200);
    expectCsvDownload(res, 'allocations.csv');
    const rows = csvRows(res);
    expect(column(rows, 'allocationId').sort()).toEqual([a, b].sort());
    expect(column(rows, 'notes').sort()).toEqual(["'=cmd|calc", 'Nakuru, opening stock']);
    expect(column(rows, 'serials')).toContain(serials.slice(0, 2).join(' '));
    expect(column(csvRows(await download('/api/inventory/allocations/export', { wholesalerId: second!.userId }).expect(200)), 'allocationId')).toEqual([b]);

    const own = csvRows(await download('/api/inventory/allocations/export', {}, first!.token).expect(200));
    expect(column(own, 'allocationId')).toEqual([a]);
    await download('/api/inventory/allocations/export', { wholesalerId: second!.userId }, first!.token).expect(403);
  });

  it('exports claims to staff with the list filters, and refuses consumers', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const warranty = await activeWarranty(app);
      const res = await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201);
      seen(res.body.position);
      filed.push(res.body.claimNumber as string);
    }
    const claimId = (await app.http.get('/api/warranty/claims').query({ claimNumber: filed[0]! }).set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(position)).expect(200)).body.items[0].id as string;
    seen((await claimStep(app, app.adminToken, claimId, 'review').expect(200)).body.position);

    const res = await download('/api/warranty/claims/export', {}).expect(200);
    expectCsvDownload(res, 'claims.csv');
    const rows = csvRows(res);
    expect(rows[0]!.slice(0, 4)).toEqual(['claimNumber', 'claimId', 'warrantyNumber', 'serial']);
    expect(column(rows, 'claimNumber').sort()).toEqual([...filed].sort());
    expect(column(csvRows(await download('/api/warranty/claims/export', { status: 'under_review' }).expect(200)), 'claimNumber')).toEqual([filed[0]]);

    const consumer = await app.userToken('consumer');
    await download('/api/warranty/claims/export', {}, consumer.token).expect(403);
  });
});
