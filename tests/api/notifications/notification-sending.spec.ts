import fs from 'node:fs';
import path from 'node:path';
import type { RecordedEvent } from '../../../src/application/shared/ports/event-store.port';
import { startTestApp, type TestApp } from '../../support/test-app';
import { mailSentTo, smsSentTo } from '../identity/outbox.helpers';
import { bearer } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer } from '../warranty/warranty.helpers';
import { mimePart, settled, subjectOf } from './notifications.helpers';

/** The WarrantyActivated event of a serial, as stored. */
const activationOf = async (app: TestApp, serial: string): Promise<RecordedEvent> => {
  const events = await app.opsledger.eventStore.readStream(`warranty-${serial}`);
  const activation = events.find((e) => e.type === 'WarrantyActivated');
  if (!activation) throw new Error(`No activation of ${serial}`);
  return activation;
};

const logOf = async (app: TestApp, query: Record<string, string | number>) =>
  (await app.http.get('/api/notifications').query(query).set(bearer(app.adminToken)).expect(200)).body as {
    items: Record<string, unknown>[];
    total: number;
  };

describe('notification reactor: mail and SMS after the events are stored', () => {
  let app: TestApp;
  const outboxDir = () => path.join(app.dataDir, 'outbox');

  beforeAll(async () => {
    app = await startTestApp({ RUN_REACTORS: 'true' });
  });
  afterAll(() => app.close());

  it('sends one email (HTML and text) and one SMS for an activation, and logs both as sent', async () => {
    const { serials: [serial], sku } = await freshSerials(app, 1, { warrantyMonths: 12 });
    const consumer = uniqueConsumer({ name: "Jane O'Brien" });
    const activated = await activate(app, serial!, consumer).expect(201);

    await settled(app.opsledger);

    const mails = mailSentTo(app, consumer.email!);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatch(/^Content-Type: multipart\/alternative/m);
    const text = mimePart(mail, 'text/plain');
    const html = mimePart(mail, 'text/html');
    const verifyUrl = `http://localhost:8080/verify/${serial}`;
    for (const part of [text, html]) {
      expect(part).toContain(serial);
      expect(part).toContain(`Model ${sku}`);
      expect(part).toContain(activated.body.startsOn);
      expect(part).toContain(activated.body.endsOn);
      expect(part).toContain(activated.body.warrantyNumber);
      expect(part).toContain(verifyUrl);
    }
    expect(text).toContain("Hello Jane O'Brien,");
    expect(html).toContain('Hello Jane O&#x27;Brien,');
    expect(html).toContain(`href="${verifyUrl}"`);
    expect(subjectOf(mail)).toBe(`Warranty ${activated.body.warrantyNumber}: your Model ${sku} ${serial} is covered until ${activated.body.endsOn}`);

    const sms = smsSentTo(app, consumer.phone!);
    expect(sms).toEqual([
      expect.objectContaining({
        template: 'warranty-activated',
        text: `Your warranty ${activated.body.warrantyNumber} for serial ${serial} is active until ${activated.body.endsOn}. Verify: ${verifyUrl}`,
      }),
    ]);

    const source = await activationOf(app, serial!);
    const log = await logOf(app, { sourceStreamId: `warranty-${serial}` });
    expect(log.total).toBe(2);
    const common = {
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      rule: 'warranty-activated',
      template: 'warranty-activated',
      status: 'sent',
      sourceEventType: 'WarrantyActivated',
      sourceEventId: source.metadata.eventId,
      sourceStreamId: `warranty-${serial}`,
      messageId: expect.any(String),
      error: null,
      queuedAt: expect.any(String),
      sentAt: expect.any(String),
      failedAt: null,
    };
    expect([...log.items].sort((a, b) => String(a['channel']).localeCompare(String(b['channel'])))).toEqual([
      { ...common, channel: 'email', to: consumer.email },
      { ...common, channel: 'sms', to: consumer.phone },
    ]);
    const one = await app.http.get(`/api/notifications/${String(log.items[0]!['id'])}`).set(bearer(app.adminToken)).expect(200);
    expect(one.body).toEqual(log.items[0]);
  });

  it('writes the notification events as the system, caused by the source event, in its correlation', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    await activate(app, serial!).expect(201);
    await settled(app.opsledger);
    const source = await activationOf(app, serial!);
    const [entry] = (await logOf(app, { sourceStreamId: `warranty-${serial}`, channel: 'email' })).items;

    const events = await app.opsledger.eventStore.readStream(`notification-${String(entry!['id'])}`);

    expect(events.map((e) => e.type)).toEqual(['NotificationQueued', 'NotificationSent']);
    for (const event of events) {
      expect(event.metadata).toMatchObject({
        actorId: 'system',
        actorRole: 'system',
        causationId: source.metadata.eventId,
        correlationId: source.metadata.correlationId,
      });
    }
  });

  it('sends only what the consumer can receive: mail without a phone, SMS without an email', async () => {
    const { serials: [mailOnly, smsOnly] } = await freshSerials(app, 2);
    const withEmail = uniqueConsumer({ phone: null });
    const withPhone = uniqueConsumer({ email: null });
    await activate(app, mailOnly!, withEmail).expect(201);
    await activate(app, smsOnly!, withPhone).expect(201);
    await settled(app.opsledger);

    expect(mailSentTo(app, withEmail.email!)).toHaveLength(1);
    expect((await logOf(app, { sourceStreamId: `warranty-${mailOnly}` })).items.map((n) => n['channel'])).toEqual(['email']);
    expect(smsSentTo(app, withPhone.phone!)).toHaveLength(1);
    expect((await logOf(app, { sourceStreamId: `warranty-${smsOnly}` })).items.map((n) => n['channel'])).toEqual(['sms']);
  });

  it('texts a phone typed as a national number at its E.164 form', async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const national = uniqueConsumer({ email: null });
    const e164 = national.phone!;
    await activate(app, serial!, { ...national, phone: `0${e164.slice(4, 7)} ${e164.slice(7)}` }).expect(201);
    await settled(app.opsledger);

    expect(smsSentTo(app, e164)).toEqual([expect.objectContaining({ template: 'warranty-activated' })]);
  });

  it('welcomes a new user by mail', async () => {
    await app.userToken('consumer', 'welcome.me@test.example');
    await settled(app.opsledger);

    const [welcome, ...others] = mailSentTo(app, 'welcome.me@test.example');
    expect(others).toEqual([]);
    expect(subjectOf(welcome!)).toBe('Welcome to opsledger, Test consumer');
    expect((await logOf(app, { to: 'Welcome.Me@test.example' })).items).toEqual([
      expect.objectContaining({ rule: 'welcome', template: 'welcome', channel: 'email', status: 'sent', sourceEventType: 'UserRegistered' }),
    ]);
  });

  it('tells an applicant the outcome of their wholesaler application', async () => {
    const applicant = await app.userToken('consumer', 'applicant@test.example');
    await app.http
      .post('/api/wholesaler-applications')
      .set(bearer(applicant.token))
      .send({ businessName: 'Volt Traders', registrationNumber: 'PVT-1', address: 'Moi Avenue 12', phone: '+254712000111' })
      .expect(201);
    await app.http
      .post(`/api/wholesaler-applications/${applicant.userId}/approve`)
      .set(bearer(app.adminToken))
      .send({ notes: 'Welcome aboard' })
      .expect(200);
    await settled(app.opsledger);

    const decided = mailSentTo(app, 'applicant@test.example').filter((m) => /wholesaler application/.test(m));
    expect(decided).toHaveLength(1);
    expect(subjectOf(decided[0]!)).toBe('Your opsledger wholesaler application has been approved');
    expect(mimePart(decided[0]!, 'text/plain')).toContain('Welcome aboard');
  });

  it('records a failed send and carries on with the next notifications', async () => {
    // The outbox mailer cannot create <outbox>/mail while a plain file holds that name; SMS still go out.
    const mailDir = path.join(outboxDir(), 'mail');
    const parked = `${mailDir}.parked`;
    await settled(app.opsledger);
    fs.renameSync(mailDir, parked);
    fs.writeFileSync(mailDir, 'not a directory');
    const { serials: [first, second] } = await freshSerials(app, 2);
    const unlucky = uniqueConsumer();
    try {
      await activate(app, first!, unlucky).expect(201);
      await settled(app.opsledger);
    } finally {
      fs.rmSync(mailDir);
      fs.renameSync(parked, mailDir);
    }
    const lucky = uniqueConsumer();
    await activate(app, second!, lucky).expect(201);
    await settled(app.opsledger);

    const failed = await logOf(app, { sourceStreamId: `warranty-${first}`, channel: 'email' });
    expect(failed.items).toEqual([
      expect.objectContaining({
        status: 'failed',
        error: expect.stringMatching(/^mail\.unavailable: The mail could not be written to the outbox/),
        failedAt: expect.any(String),
        sentAt: null,
        messageId: null,
      }),
    ]);
    expect(mailSentTo(app, unlucky.email!)).toEqual([]);
    expect(smsSentTo(app, unlucky.phone!)).toHaveLength(1);
    expect(mailSentTo(app, lucky.email!)).toHaveLength(1);
    expect((await logOf(app, { sourceStreamId: `warranty-${second}` })).items.map((n) => n['status'])).toEqual(['sent', 'sent']);
    expect((await logOf(app, { status: 'failed' })).items.map((n) => n['id'])).toEqual([failed.items[0]!['id']]);
  });
});
