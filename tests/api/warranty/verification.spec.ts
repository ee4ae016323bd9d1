import { startTestApp, type TestApp } from '../../support/test-app';
import { expectProblem } from '../identity/problem.helpers';
import { activate, freshSerials, verify, WARRANTY_NUMBER } from './warranty.helpers';

describe('GET /api/warranty/verify/:serial (public)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const consumer = { name: 'Jane Wanjiru Otieno', phone: '+254712345678', email: 'jane.wanjiru@mail.example' };

  it('answers coverage, the model and the dates to anyone, with the consumer masked', async () => {
    const { serials: [serial], sku } = await freshSerials(app, 1, { capacityAh: 200, voltage: 25.6, name: 'PowerCell 200' });
    const activated = await activate(app, serial!, consumer).expect(201);

    const res = await verify(app, serial!, activated.body.position).expect(200);

    expect(activated.body.warrantyNumber).toMatch(WARRANTY_NUMBER);
    expect(res.body).toEqual({
      serial,
      status: 'active',
      model: { name: 'PowerCell 200', sku, capacityAh: 200, voltage: 25.6 },
      warrantyId: activated.body.warrantyId,
      warrantyNumber: activated.body.warrantyNumber,
      replacementSerial: null,
      startsOn: activated.body.startsOn,
      endsOn: activated.body.endsOn,
      consumer: { name: expect.any(String), phone: expect.stringMatching(/678$/), email: expect.stringMatching(/@mail\.example$/) },
    });
  });

  it('never shows the full name, phone or email anywhere in the body', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const activated = await activate(app, serial!, consumer).expect(201);

    const res = await verify(app, serial!, activated.body.position).expect(200);

    const text = res.text.toLowerCase();
    for (const secret of ['jane', 'wanjiru', 'otieno', '+254712345678', '254712345678', '712345', 'jane.wanjiru@', 'jane.wanjiru']) {
      expect(text).not.toContain(secret);
    }
    expect(res.body.consumer.name).toMatch(/^J\*+ W\*+ O\*+$/);
    expect(res.body.consumer.phone).toBe('**********678');
    expect(res.body.consumer.email).toBe('j***@mail.example');
  });

  it('masks a consumer with an email only', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const activated = await activate(app, serial!, { name: 'Otieno', email: 'otieno.k@mail.example' }).expect(201);

    const res = await verify(app, serial!, activated.body.position).expect(200);

    expect(res.body.consumer).toEqual({ name: 'O*****', phone: null, email: 'o***@mail.example' });
    expect(res.text).not.toContain('otieno.k');
  });

  it('answers status none for a known serial without a warranty', async () => {
    const { serials: [serial], position } = await freshSerials(app, 1);

    const res = await verify(app, serial!, position).expect(200);

    expect(res.body).toMatchObject({
      serial, status: 'none', warrantyId: null, warrantyNumber: null, replacementSerial: null, startsOn: null, endsOn: null, consumer: null,
    });
    expect(res.body.model).not.toBeNull();
  });

  it('answers 404 problem+json serial.not_found for an unknown serial', async () => {
    expectProblem(await app.http.get('/api/warranty/verify/ZZ00000000X'), 404, 'serial.not_found');
  });

  it('normalises a serial written in lower case with dashes and spaces', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const activated = await activate(app, serial!, consumer).expect(201);
    const messy = `${serial!.slice(0, 4).toLowerCase()}-${serial!.slice(4, 8)} ${serial!.slice(8).toLowerCase()}`;

    const res = await verify(app, messy, activated.body.position).expect(200);

    expect(res.body).toMatchObject({ serial, status: 'active', warrantyId: activated.body.warrantyId });
  });

  it('ignores an invalid bearer token on this public route', async () => {
    const { serials: [serial], position } = await freshSerials(app, 1);

    await app.http
      .get(`/api/warranty/verify/${serial}`)
      .set('Authorization', 'Bearer not-a-token')
      .set('Opsledger-Min-Position', String(position))
      .expect(200);
  });

  it('rejects a serial that is too short with 400', async () => {
    expectProblem(await app.http.get('/api/warranty/verify/ab'), 400, 'validation.failed');
  });
});
