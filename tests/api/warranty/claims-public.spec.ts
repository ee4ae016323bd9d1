import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activeWarranty, DESCRIPTION } from './claims.helpers';
import { freshSerials } from './warranty.helpers';

const publicClaim = (app: TestApp, body: Record<string, unknown>) =>
  app.http.post('/api/warranty/claims/public').send({ description: DESCRIPTION, ...body });

/** +2547XXXXXXXX as a Kenyan writes it at home: 07XX XXX XXX. */
const nationalForm = (e164: string) => `0${e164.slice(4, 7)} ${e164.slice(7, 10)} ${e164.slice(10)}`;

describe('warranty claims: the public form (serial + phone)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('files a claim without an account when the phone matches, answering the claim number only', async () => {
    const warranty = await activeWarranty(app);
    const filed = await publicClaim(app, { serial: warranty.serial.toLowerCase(), phone: nationalForm(warranty.consumer.phone!) }).expect(201);

    expect(filed.body).toEqual({ claimNumber: expect.stringMatching(/^CL-/), position: expect.any(Number) });
    const listed = await app.http
      .get('/api/warranty/claims')
      .query({ claimNumber: filed.body.claimNumber })
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(filed.body.position))
      .expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ serial: warranty.serial, channel: 'public', filedBy: null, status: 'pending' })]);
  });

  it('answers the same 404 for a wrong phone, an unknown serial and a serial without a warranty', async () => {
    const warranty = await activeWarranty(app);
    const wrongPhone = await publicClaim(app, { serial: warranty.serial, phone: '+254799999999' });
    const unknownSerial = await publicClaim(app, { serial: 'LV99Z999999Q', phone: warranty.consumer.phone });
    const { serials: [bare] } = await freshSerials(app, 1);
    const noWarranty = await publicClaim(app, { serial: bare, phone: warranty.consumer.phone });
    const unreadablePhone = await publicClaim(app, { serial: warranty.serial, phone: '12345678' });

    for (const res of [wrongPhone, unknownSerial, noWarranty, unreadablePhone]) expectProblem(res, 404, 'claim.warranty_not_found');
    const shape = (res: typeof wrongPhone) => ({ title: res.body.title, detail: res.body.detail, code: res.body.code, details: res.body.details });
    expect(shape(unknownSerial)).toEqual(shape(wrongPhone));
    expect(shape(noWarranty)).toEqual(shape(wrongPhone));
    expect(shape(unreadablePhone)).toEqual(shape(wrongPhone));
  });

  it('validates the form (400) and keeps one open claim per warranty (409)', async () => {
    const warranty = await activeWarranty(app);
    expect(invalidFields(await publicClaim(app, { serial: warranty.serial }))).toEqual(['body:phone']);
    await publicClaim(app, { serial: warranty.serial, phone: warranty.consumer.phone }).expect(201);
    expectProblem(await publicClaim(app, { serial: warranty.serial, phone: warranty.consumer.phone }), 409, 'claim.open_claim_exists');
  });
});

describe('warranty claims: the public form is limited per client IP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ AUTH_IP_LIMIT: '3' });
  });
  afterAll(() => app.close());

  it('answers 429 claim.too_many_attempts once an IP has used its attempts, right or wrong', async () => {
    const warranty = await activeWarranty(app);
    for (let i = 0; i < 3; i++) expectProblem(await publicClaim(app, { serial: warranty.serial, phone: '+254799999999' }), 404, 'claim.warranty_not_found');

    const limited = await publicClaim(app, { serial: warranty.serial, phone: warranty.consumer.phone });
    expectProblem(limited, 429, 'claim.too_many_attempts');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
