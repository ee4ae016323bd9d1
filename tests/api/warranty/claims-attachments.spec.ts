import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activeWarranty, DESCRIPTION, getClaim, JPEG, PNG, WEBP } from './claims.helpers';
import { uniqueConsumer } from './warranty.helpers';

const MB = 1024 * 1024;

describe('warranty claims: photos', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** A multipart claim: text fields and photos (name, bytes, declared content type). */
  const multipartClaim = (token: string, fields: Record<string, string>, photos: [string, Buffer, string][]) => {
    const req = app.http.post('/api/warranty/claims').set(bearer(token));
    for (const [name, value] of Object.entries({ description: DESCRIPTION, ...fields })) void req.field(name, value);
    for (const [fileName, bytes, contentType] of photos) void req.attach('photos', bytes, { filename: fileName, contentType });
    return req;
  };
  const download = (token: string, claimId: string, attachmentId: string, position = 0) =>
    app.http
      .get(`/api/warranty/claims/${claimId}/attachments/${attachmentId}`)
      .set(bearer(token))
      .set('Opsledger-Min-Position', String(position))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });

  it('stores photos sent as multipart and serves them back with the type their bytes show, to staff and the owner', async () => {
    const consumer = uniqueConsumer();
    const owner = await app.userToken('consumer', consumer.email!);
    const warranty = await activeWarranty(app, consumer);
    // The declared types are wrong on purpose: the bytes decide.
    const filed = await multipartClaim(owner.token, { serial: warranty.serial }, [
      ['front.png', PNG, 'application/octet-stream'],
      ['side.jpg', JPEG, 'image/png'],
      ['top.webp', WEBP, 'text/plain'],
    ]).expect(201);

    const claim = await getClaim(app, owner.token, filed.body.claimId, filed.body.position).expect(200);
    expect(claim.body.attachments).toEqual([
      { attachmentId: expect.any(String), fileName: 'front.png', contentType: 'image/png', size: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { attachmentId: expect.any(String), fileName: 'side.jpg', contentType: 'image/jpeg', size: JPEG.length, sha256: expect.any(String) },
      { attachmentId: expect.any(String), fileName: 'top.webp', contentType: 'image/webp', size: WEBP.length, sha256: expect.any(String) },
    ]);
    const [png, jpeg] = claim.body.attachments as { attachmentId: string }[];
    const asOwner = await download(owner.token, filed.body.claimId, png!.attachmentId).expect(200);
    expect(asOwner.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(asOwner.body as Buffer, PNG)).toBe(0);
    const agent = await app.userToken('support_agent');
    const asStaff = await download(agent.token, filed.body.claimId, jpeg!.attachmentId).expect(200);
    expect(asStaff.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(asStaff.body as Buffer, JPEG)).toBe(0);

    const stranger = await app.userToken('consumer');
    expectProblem(await app.http.get(`/api/warranty/claims/${filed.body.claimId}/attachments/${png!.attachmentId}`).set(bearer(stranger.token)), 404, 'claim.not_found');
    expectProblem(await app.http.get(`/api/warranty/claims/${filed.body.claimId}/attachments/nope`).set(bearer(agent.token)), 404, 'claim.attachment_not_found');
  });

  it('validates the text fields of a multipart form like JSON', async () => {
    const warranty = await activeWarranty(app);
    expect(invalidFields(await multipartClaim(app.adminToken, { serial: warranty.serial, description: 'short' }, [['a.png', PNG, 'image/png']]))).toEqual(['body:description']);
  });

  it('refuses a file that is not a JPEG, PNG or WebP with 422 claim.invalid_attachment, filing nothing', async () => {
    const warranty = await activeWarranty(app);
    const refused = await multipartClaim(app.adminToken, { serial: warranty.serial }, [
      ['ok.png', PNG, 'image/png'],
      ['evil.jpg', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/jpeg'],
    ]);
    expectProblem(refused, 422, 'claim.invalid_attachment');
    expect(refused.body.details).toMatchObject({ fileName: 'evil.jpg', index: 1 });

    // Nothing was filed: the warranty is still free to claim.
    await multipartClaim(app.adminToken, { serial: warranty.serial }, [['ok.png', PNG, 'image/png']]).expect(201);
  });

  it('answers 413 to a photo over 5 MB and 400 to more than five photos or another field', async () => {
    const warranty = await activeWarranty(app);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * MB)]);
    expectProblem(await multipartClaim(app.adminToken, { serial: warranty.serial }, [['big.png', big, 'image/png']]), 413, 'request.payload_too_large');
    const six = Array.from({ length: 6 }, (_, i): [string, Buffer, string] => [`p${i}.png`, PNG, 'image/png']);
    expectProblem(await multipartClaim(app.adminToken, { serial: warranty.serial }, six), 400, 'request.invalid_upload');
    const wrongField = app.http.post('/api/warranty/claims').set(bearer(app.adminToken)).field('serial', warranty.serial).field('description', DESCRIPTION).attach('photo', PNG, 'a.png');
    expectProblem(await wrongField, 400, 'request.invalid_upload');
    await multipartClaim(app.adminToken, { serial: warranty.serial }, six.slice(0, 5)).expect(201);
  });

  it('takes photos on the public form too', async () => {
    const warranty = await activeWarranty(app);
    const filed = await app.http
      .post('/api/warranty/claims/public')
      .field('serial', warranty.serial)
      .field('phone', warranty.consumer.phone!)
      .field('description', DESCRIPTION)
      .attach('photos', JPEG, 'fault.jpg')
      .expect(201);
    const listed = await app.http
      .get('/api/warranty/claims')
      .query({ claimNumber: filed.body.claimNumber })
      .set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(filed.body.position))
      .expect(200);
    expect(listed.body.items[0].attachments).toEqual([expect.objectContaining({ fileName: 'fault.jpg', contentType: 'image/jpeg' })]);
  });

  it('documents the multipart body in the OpenAPI document', async () => {
    const schema = await app.http.get('/api/schema').expect(200);
    const body = schema.body.paths['/api/warranty/claims'].post.requestBody.content;
    expect(Object.keys(body).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(JSON.stringify(body['multipart/form-data'])).toContain('"photos"');
  });
});
