import { seedModelWithSerials, startTestApp, type TestApp } from '../support/test-app';

describe('warranty slice smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('activates a warranty and verifies it publicly, read-your-writes by position', async () => {
    const { serials } = await seedModelWithSerials(app, 1);
    const activated = await app.http
      .post('/api/warranty/activate')
      .set('Authorization', `Bearer ${app.adminToken}`)
      .send({ serial: serials[0], consumer: { name: 'Jane Wanjiru', phone: '+254712345678' } })
      .expect(201);
    expect(activated.headers['opsledger-position']).toBe(String(activated.body.position));
    const verified = await app.http
      .get(`/api/warranty/verify/${serials[0]}`)
      .set('Opsledger-Min-Position', String(activated.body.position))
      .expect(200);
    expect(verified.body).toMatchObject({ serial: serials[0], status: 'active', warrantyId: activated.body.warrantyId });
    expect(verified.body.consumer.phone).toBe('**********678');
  });
});
