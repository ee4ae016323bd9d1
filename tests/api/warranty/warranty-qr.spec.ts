import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { expectedModules, pngModules, svgModules } from '../../support/qr-modules';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { activate, freshSerials } from './warranty.helpers';

const keepBytes = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('GET /api/warranty/:id/qr.svg and qr.png', () => {
  let app: TestApp;
  // The trailing slash is tolerated: the URL in the code has exactly one slash before "verify".
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_BASE_URL: 'https://warranty.lithovolt.example/' });
  });
  afterAll(() => app.close());

  const activated = async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const body = (await activate(app, serial!).expect(201)).body;
    return { id: body.warrantyId as string, serial: serial!, position: String(body.position) };
  };

  it('answers an SVG image that encodes the public verification URL of the serial', async () => {
    const warranty = await activated();

    const res = await app.http
      .get(`/api/warranty/${warranty.id}/qr.svg`)
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', warranty.position)
      .buffer(true)
      .parse(keepBytes)
      .expect(200);

    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (res.body as Buffer).toString('utf8');
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svgModules(svg)).toEqual(expectedModules(`https://warranty.lithovolt.example/verify/${warranty.serial}`));
  });

  it('answers a PNG image that encodes the same URL', async () => {
    const warranty = await activated();

    const res = await app.http
      .get(`/api/warranty/${warranty.id}/qr.png`)
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', warranty.position)
      .buffer(true)
      .parse(keepBytes)
      .expect(200);

    expect(res.headers['content-type']).toBe('image/png');
    const png = res.body as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngModules(png)).toEqual(expectedModules(`https://warranty.lithovolt.example/verify/${warranty.serial}`));
  });

  it('answers 404 for an unknown warranty and 401 without a token', async () => {
    expectProblem(await app.http.get('/api/warranty/no-such-warranty/qr.png').set(bearer(app.adminToken)), 404, 'warranty.not_found');
    expectProblem(await app.http.get('/api/warranty/no-such-warranty/qr.svg'), 401, 'auth.unauthenticated');
  });
});

describe('QR codes without PUBLIC_BASE_URL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PORT: '8123' });
  });
  afterAll(() => app.close());

  it('point at http://localhost:<PORT>/verify/<serial>', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const body = (await activate(app, serial!).expect(201)).body;

    const res = await app.http
      .get(`/api/warranty/${body.warrantyId}/qr.svg`)
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(body.position))
      .buffer(true)
      .parse(keepBytes)
      .expect(200);

    expect(svgModules((res.body as Buffer).toString('utf8'))).toEqual(expectedModules(`http://localhost:8123/verify/${serial}`));
  });
});
