import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activate, addMonthsUtc, freshSerials, listWarranties, todayUtc, uniqueConsumer, WARRANTY_NUMBER } from './warranty.helpers';

describe('POST /api/warranty/activate', () => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('activates an available serial: 201, starts today (UTC), ends warrantyMonths later', async () => {
    const { serials: [serial], modelId } = await freshSerials(app, 1, { warrantyMonths: 18 });
    const consumer = uniqueConsumer();
    const before = todayUtc();

    const res = await activate(app, serial!, consumer).expect(201);

    const after = todayUtc();
    expect(res.body).toEqual({
      warrantyId: expect.any(String),
      warrantyNumber: expect.stringMatching(WARRANTY_NUMBER),
      serial,
      modelId,
      channel: 'staff',
      consumer,
      startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      activatedAt: expect.any(String),
      position: expect.any(Number),
    });
    expect([before, after]).toContain(res.body.startsOn);
    expect(res.body.startsOn).toBe(new Date(res.body.activatedAt).toISOString().slice(0, 10));
    expect(res.body.endsOn).toBe(addMonthsUtc(res.body.startsOn, 18));
    expect(res.headers['opsledger-position']).toBe(String(res.body.position));
  });

  it('gives every activation its own warranty number', async () => {
    const [a, b] = (await freshSerials(app, 2)).serials;

    const first = await activate(app, a!).expect(201);
    const second = await activate(app, b!).expect(201);

    expect(first.body.warrantyNumber).toMatch(WARRANTY_NUMBER);
    expect(second.body.warrantyNumber).toMatch(WARRANTY_NUMBER);
    expect(second.body.warrantyNumber).not.toBe(first.body.warrantyNumber);
  });

  it('finds a warranty by its number, however the number is cased', async () => {
    const [a, b] = (await freshSerials(app, 2)).serials;
    const wanted = await activate(app, a!).expect(201);
    const other = await activate(app, b!).expect(201);
    const position = Math.max(wanted.body.position, other.body.position);

    for (const number of [wanted.body.warrantyNumber as string, (wanted.body.warrantyNumber as string).toLowerCase()]) {
      const found = await listWarranties(app, { number }, position);
      expect(found.body.total).toBe(1);
      expect(found.body.items[0]).toMatchObject({ id: wanted.body.warrantyId, warrantyNumber: wanted.body.warrantyNumber, serial: a });
    }
  });

  it('activates a sold serial', async () => {
    const { serials: [serial] } = await freshSerials(app, 1, { warrantyMonths: 1 });
    await app.http.post(`/api/inventory/serials/${serial}/sell`).set(admin).send({ soldTo: 'shop-1' }).expect(200);

    const res = await activate(app, serial!).expect(201);

    expect(res.body.endsOn).toBe(addMonthsUtc(res.body.startsOn, 1));
  });

  it('answers 409 warranty.serial_not_eligible for a serial in a wholesaler’s stock', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    await app.http.post(`/api/inventory/serials/${serial}/allocate`).set(admin).send({ wholesalerId: 'wh-1' }).expect(200);

    expectProblem(await activate(app, serial!), 409, 'warranty.serial_not_eligible');
  });

  it('answers 404 serial.not_found for an unknown serial', async () => {
    expectProblem(await activate(app, 'ZZ00000000X'), 404, 'serial.not_found');
  });

  it('answers 409 warranty.already_active for a second activation', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const first = await activate(app, serial!).expect(201);

    const second = await activate(app, serial!, uniqueConsumer());

    expectProblem(second, 409, 'warranty.already_active');
    expect(second.body.details).toMatchObject({ warrantyId: first.body.warrantyId });
  });

  it('answers 422 warranty.consumer_contact_required for a consumer without phone and email', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);

    expectProblem(await activate(app, serial!, { name: 'No Contact' }), 422, 'warranty.consumer_contact_required');
    expectProblem(await activate(app, serial!, { name: 'No Contact', phone: null, email: null }), 422, 'warranty.consumer_contact_required');
    await activate(app, serial!, { name: 'Has Email', email: 'Has.Email@Mail.Example' }).expect(201);
  });

  it('lower-cases the consumer email, accepts a phone-only consumer and stores the phone as digits', async () => {
    const [a, b] = (await freshSerials(app, 2)).serials;

    expect((await activate(app, a!, { name: 'Mail Person', email: 'Mixed.Case@Mail.Example' }).expect(201)).body.consumer).toEqual({
      name: 'Mail Person',
      phone: null,
      email: 'mixed.case@mail.example',
    });
    expect((await activate(app, b!, { name: 'Phone Person', phone: '0712 345 678' }).expect(201)).body.consumer.phone).toBe('0712345678');
  });

  it('rejects malformed bodies with 400 naming the fields', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const post = (body: object) => app.http.post('/api/warranty/activate').set(admin).send(body);

    expect(invalidFields(await post({})).sort()).toEqual(['body:consumer', 'body:serial']);
    expect(invalidFields(await post({ serial, consumer: { name: '', phone: 'call me', email: 'nope' } })).sort()).toEqual(
      ['body:consumer.email', 'body:consumer.name', 'body:consumer.phone'],
    );
    expectProblem(await post({ serial, consumer: { ...uniqueConsumer(), age: 30 } }), 400, 'validation.failed');
  });

  it('normalises a serial written in lower case with dashes', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const messy = `${serial!.slice(0, 3).toLowerCase()}-${serial!.slice(3, 7)}-${serial!.slice(7).toLowerCase()}`;

    const res = await activate(app, messy).expect(201);

    expect(res.body.serial).toBe(serial);
  });

  it('lets wholesalers and consumers activate, and nobody anonymously', async () => {
    const [forWholesaler, forConsumer, forNobody] = (await freshSerials(app, 3)).serials;
    const body = (serial: string) => ({ serial, consumer: uniqueConsumer() });

    for (const [role, serial] of [['wholesaler', forWholesaler], ['consumer', forConsumer]] as const) {
      const { token } = await app.userToken(role);
      const res = await app.http.post('/api/warranty/activate').set(bearer(token)).send(body(serial!)).expect(201);
      expect(res.body.channel).toBe(role);
    }
    expectProblem(await app.http.post('/api/warranty/activate').send(body(forNobody!)), 401, 'auth.unauthenticated');
  });
});
