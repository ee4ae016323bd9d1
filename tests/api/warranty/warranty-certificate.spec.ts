import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { pdfText } from '../../support/pdf-text';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { activate, freshSerials } from './warranty.helpers';

/** supertest buffers unknown media types only when asked; this keeps the PDF's bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

// Chromium printing next to other suites on a busy machine: a budget, not an assertion about speed.
jest.setTimeout(60_000);

const consumer = { name: 'Achieng Otieno', phone: '+254712345678', email: 'achieng@mail.example' };

/** A fresh model with `count` activated warranties; answers their activation bodies. */
const activatedWarranties = async (app: TestApp, count: number) => {
  const { serials, sku } = await freshSerials(app, count, { name: 'PowerCell 200', capacityAh: 200, voltage: 25.6 });
  const warranties = [];
  for (const serial of serials) warranties.push((await activate(app, serial, consumer).expect(201)).body);
  return { warranties, sku, position: Math.max(...warranties.map((w) => w.position as number)) };
};

const certificate = (app: TestApp, warrantyId: string, position: number) =>
  app.http
    .get(`/api/warranty/${warrantyId}/certificate`)
    .set(bearer(app.adminToken))
    .set('Opsledger-Min-Position', String(position))
    .buffer(true)
    .parse(binary);

describe('GET /api/warranty/:id/certificate', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_BASE_URL: 'https://warranty.lithovolt.example/' });
  });
  afterAll(() => app.close());

  it('answers an A4 PDF attachment naming the warranty number, serial, model and verify URL', async () => {
    const { warranties: [warranty], sku, position } = await activatedWarranties(app, 1);

    const res = await certificate(app, warranty.warrantyId, position).expect(200);

    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="warranty-${warranty.warrantyNumber}.pdf"`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const expected of [warranty.warrantyNumber, warranty.serial, 'PowerCell 200', sku, 'Achieng Otieno', '200 Ah', '25.6 V', 'Active']) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, '')).toContain(`https://warranty.lithovolt.example/verify/${warranty.serial}`);
  });

  it('answers 404 problem+json for an unknown warranty', async () => {
    const res = await app.http.get('/api/warranty/no-such-warranty/certificate').set(bearer(app.adminToken));

    expectProblem(res, 404, 'warranty.not_found');
  });

  it('answers 401 without a token and 403 to a role without warranty:read', async () => {
    const { warranties: [warranty] } = await activatedWarranties(app, 1);
    const { token } = await app.userToken('member');

    expectProblem(await app.http.get(`/api/warranty/${warranty.warrantyId}/certificate`), 401, 'auth.unauthenticated');
    expectProblem(await app.http.get(`/api/warranty/${warranty.warrantyId}/certificate`).set(bearer(token)), 403, 'auth.forbidden');
  });

  it('prints several certificates requested at once, each its own', async () => {
    const { warranties, position } = await activatedWarranties(app, 6);

    const responses = await Promise.all(warranties.map((w) => certificate(app, w.warrantyId, position)));

    expect(responses.map((r) => r.status)).toEqual(warranties.map(() => 200));
    const texts = await Promise.all(responses.map((r) => pdfText(r.body as Buffer)));
    texts.forEach(({ text }, i) => expect(text).toContain(warranties[i].warrantyNumber));
  });
});

describe('certificates with one page at a time (PDF_MAX_PAGES=1)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PDF_MAX_PAGES: '1' });
  });
  afterAll(() => app.close());

  it('queues parallel requests and answers every one', async () => {
    const { warranties, position } = await activatedWarranties(app, 4);

    const responses = await Promise.all(warranties.map((w) => certificate(app, w.warrantyId, position)));

    expect(responses.map((r) => r.status)).toEqual(warranties.map(() => 200));
    for (const [i, res] of responses.entries()) expect((await pdfText(res.body as Buffer)).text).toContain(warranties[i].serial);
  });
});

describe('certificates without a browser', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
  });
  afterAll(() => app.close());

  it('answers 503 pdf.browser_unavailable, again on retry, and QR codes still work', async () => {
    const { warranties: [warranty], position } = await activatedWarranties(app, 1);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const res = await certificate(app, warranty.warrantyId, position);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ status: 503, code: 'pdf.browser_unavailable' });
    }
    await app.http.get(`/api/warranty/${warranty.warrantyId}/qr.svg`).set(bearer(app.adminToken)).expect(200);
  });
});
