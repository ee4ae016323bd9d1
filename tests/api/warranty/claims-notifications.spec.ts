import { startTestApp, type TestApp } from '../../support/test-app';
import { mailSentTo, smsSentTo } from '../identity/outbox.helpers';
import { settledAll } from '../scheduled/scheduled.helpers';
import { activeWarranty, claimStep, fileClaim } from './claims.helpers';
import { uniqueConsumer } from './warranty.helpers';

describe('claims: the consumer hears of every step, by mail and SMS, once', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RUN_REACTORS: 'true' });
  });
  afterAll(() => app.close());

  it('notifies on filing, review, approval and resolution', async () => {
    const consumer = uniqueConsumer();
    const warranty = await activeWarranty(app, consumer);
    const claimId = (await fileClaim(app, app.adminToken, { serial: warranty.serial }).expect(201)).body.claimId as string;
    for (const [step, body] of [['review', {}], ['approve', {}], ['resolve', { outcome: 'repaired' }]] as const) {
      await claimStep(app, app.adminToken, claimId, step, body).expect(200);
    }
    await settledAll(app.opsledger);

    const claimMails = mailSentTo(app, consumer.email!).filter((mail) => !mail.includes('is now active'));
    expect(claimMails).toHaveLength(4);
    const texts = smsSentTo(app, consumer.phone!).filter((sms) => sms.template === 'claim-updated');
    expect(texts).toHaveLength(4);
    const log = await app.http
      .get('/api/notifications')
      .query({ rule: 'claim-updates', to: consumer.email!, pageSize: 50 })
      .set('Authorization', `Bearer ${app.adminToken}`)
      .expect(200);
    expect(log.body.total).toBe(4);
    expect(log.body.items.every((n: { status: string }) => n.status === 'sent')).toBe(true);
  });
});
