import { addDays } from '../../../src/domain/shared/calendar-date';
import { AdjustableClock } from '../../support/adjustable-clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { mailSentTo, smsSentTo } from '../identity/outbox.helpers';
import { bearer } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer } from '../warranty/warranty.helpers';
import { scheduledWork, settledAll } from './scheduled.helpers';

describe('daily warranty expiry sweep: reminders 30 days before, expiry after the end date, each mailed once', () => {
  let app: TestApp;
  const clock = new AdjustableClock('2026-03-10T09:00:00.000Z');

  beforeAll(async () => {
    app = await startTestApp({ RUN_REACTORS: 'true' }, { clock });
  });
  afterAll(() => app.close());

  const warranty = async (id: string, position: number) =>
    (await app.http.get(`/api/warranty/${id}`).set(bearer(app.adminToken)).set('Opsledger-Min-Position', String(position)).expect(200)).body;

  it('reminds once inside the window, expires once past the end date, and the consumer hears of both once', async () => {
    const { serials: [serial] } = await freshSerials(app, 1, { warrantyMonths: 2 });
    const consumer = uniqueConsumer();
    const activated = (await activate(app, serial!, consumer).expect(201)).body;
    expect(activated.endsOn).toBe('2026-05-10');
    const sweep = scheduledWork(app.opsledger).warrantyExpirySweep;

    clock.set('2026-04-01T06:00:00.000Z'); // 39 days before the end: outside the window
    await settledAll(app.opsledger);
    expect(await sweep.run()).toEqual({ today: '2026-04-01', reminded: 0, expired: 0 });

    clock.set('2026-04-15T06:00:00.000Z'); // 25 days before
    expect(await sweep.run()).toEqual({ today: '2026-04-15', reminded: 1, expired: 0 });
    let position = await settledAll(app.opsledger);
    expect(await sweep.run()).toEqual({ today: '2026-04-15', reminded: 0, expired: 0 });
    expect((await warranty(activated.warrantyId, position)).remindedAt).toBe('2026-04-15T06:00:00.000Z');

    clock.set('2026-05-10T06:00:00.000Z'); // the last covered day
    expect(await sweep.run()).toEqual({ today: '2026-05-10', reminded: 0, expired: 0 });

    clock.set(`${addDays('2026-05-10', 1)}T06:00:00.000Z`);
    expect(await sweep.run()).toEqual({ today: '2026-05-11', reminded: 0, expired: 1 });
    position = await settledAll(app.opsledger);
    expect(await sweep.run()).toEqual({ today: '2026-05-11', reminded: 0, expired: 0 });
    position = await settledAll(app.opsledger);

    const expired = await warranty(activated.warrantyId, position);
    expect(expired).toMatchObject({ status: 'expired', coverage: 'expired', expiredAt: '2026-05-11T06:00:00.000Z' });

    const mails = mailSentTo(app, consumer.email!);
    expect(mails.filter((m) => m.includes(`ends on 2026-05-10`))).toHaveLength(1);
    expect(mails.filter((m) => m.includes(`ended on 2026-05-10`))).toHaveLength(1);
    const texts = smsSentTo(app, consumer.phone!).map((sms) => sms.template);
    expect(texts.filter((t) => t === 'warranty-expiring')).toHaveLength(1);
    expect(texts.filter((t) => t === 'warranty-expired')).toHaveLength(1);
  });

  it('leaves void warranties alone', async () => {
    clock.set('2026-06-01T06:00:00.000Z');
    const { serials: [serial] } = await freshSerials(app, 1, { warrantyMonths: 1 });
    const activated = (await activate(app, serial!).expect(201)).body;
    await app.http.post(`/api/warranty/${activated.warrantyId}/void`).set(bearer(app.adminToken))
      .set('Opsledger-Min-Position', String(activated.position)).send({ reason: 'sold in error' }).expect(200);
    await settledAll(app.opsledger);
    clock.set('2026-07-15T06:00:00.000Z');
    expect(await scheduledWork(app.opsledger).warrantyExpirySweep.run()).toMatchObject({ reminded: 0, expired: 0 });
  });
});

describe('the daily jobs are scheduled', () => {
  it('records the sweep and the stock summary as recurring jobs', async () => {
    const app = await startTestApp({ RUN_JOBS: 'true', JOB_POLL_MS: '50', JOB_LOCK_MS: '1000' });
    try {
      const jobs = (await app.http.get('/api/jobs').set(bearer(app.adminToken)).expect(200)).body.items as { name: string; repeatEvery: unknown }[];
      expect(jobs).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'warranty-expiry-sweep', repeatEvery: '0 6 * * *' }),
          expect.objectContaining({ name: 'stock-summary', repeatEvery: '0 7 * * *' }),
        ]),
      );
    } finally {
      await app.close();
    }
  });
});
