import path from 'node:path';
import { NotificationDispatcher, type DispatchOutcome } from '../../../src/application/notifications/notification-dispatcher';
import type { ReactorLog } from '../../../src/application/shared/reactors/event-reactor';
import { NotificationReactor } from '../../../src/application/notifications/notification-reactor';
import type { DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import type { EventStore } from '../../../src/application/shared/ports/event-store.port';
import type { Config } from '../../../src/main/config';
import { notificationRules } from '../../../src/main/notification-rules';
import { TOKENS } from '../../../src/main/tokens';
import type { NotificationAdapters } from '../../../src/infrastructure/notifications/notification-adapter-factory';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer } from '../warranty/warranty.helpers';
import { mailFiles, smsLines } from './notifications.helpers';

const quiet: ReactorLog = { warn: () => undefined, error: () => undefined };

/** What every dispatch of every reactor came to. */
const outcomes: DispatchOutcome[] = [];
class CountingDispatcher extends NotificationDispatcher {
  override async dispatch(...args: Parameters<NotificationDispatcher['dispatch']>): Promise<DispatchOutcome> {
    const outcome = await super.dispatch(...args);
    outcomes.push(outcome);
    return outcome;
  }
}

/** A reactor of its own on the app's stores and outbox, as a second instance would run one without leases. */
const reactorOn = (app: TestApp): NotificationReactor => {
  const { container } = app.opsledger;
  const eventStore = container.get<EventStore>(TOKENS.eventStore);
  const documents = container.get<DocumentStore>(TOKENS.documentStore);
  const { mailer, smsSender } = container.get<NotificationAdapters>(TOKENS.notifications);
  const dispatcher = new CountingDispatcher({ executor: container.get(TOKENS.executor), eventStore, clock: container.get(TOKENS.clock), mailer, smsSender, log: quiet });
  return new NotificationReactor(notificationRules({ eventStore, documents, staff: container.get(TOKENS.staffDirectory), config: container.get<Config>(TOKENS.config) }), eventStore, documents, dispatcher, quiet, { batchSize: 3 });
};

describe('notification reactors racing over the same events', () => {
  let app: TestApp;
  const reactors: NotificationReactor[] = [];
  const outbox = () => path.join(app.dataDir, 'outbox');

  beforeAll(async () => {
    // RUN_REACTORS stays off: the only reactors are the three this spec runs.
    app = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(reactors.map((reactor) => reactor.stop()));
    await app.close();
  });

  const allCaughtUp = async () => {
    const head = await app.opsledger.eventStore.headPosition();
    await Promise.all(reactors.map((reactor) => reactor.waitFor(head)));
    const after = await app.opsledger.eventStore.headPosition();
    await app.opsledger.runner.waitFor(after);
  };

  it('sends each notification once, whichever reactor claims it', async () => {
    const { serials } = await freshSerials(app, 12);
    const consumers = serials.map(() => uniqueConsumer());
    // History for the reactors to catch up on together...
    for (const i of [0, 1, 2, 3, 4, 5]) await activate(app, serials[i]!, consumers[i]).expect(201);

    reactors.push(reactorOn(app), reactorOn(app), reactorOn(app));
    await Promise.all(reactors.map((reactor) => reactor.begin()));
    // ...and new events arriving while all of them follow the store.
    await Promise.all([6, 7, 8, 9, 10, 11].map((i) => activate(app, serials[i]!, consumers[i]).expect(201)));
    await allCaughtUp();

    const mails = mailFiles(outbox());
    const sms = smsLines(outbox());
    // The admin's welcome mail, then one mail and one SMS per activation.
    expect(mails).toHaveLength(1 + 12);
    expect(sms).toHaveLength(12);
    for (const consumer of consumers) {
      expect(mails.filter((mail) => mail.includes(`To: ${consumer.email}`))).toHaveLength(1);
      expect(sms.filter((line) => line.to === consumer.phone)).toHaveLength(1);
    }
    const log = await app.http.get('/api/notifications').query({ pageSize: 100 }).set(bearer(app.adminToken)).expect(200);
    expect(log.body.total).toBe(25);
    expect(new Set((log.body.items as { id: string }[]).map((n) => n.id)).size).toBe(25);
    expect((log.body.items as { status: string }[]).every((n) => n.status === 'sent')).toBe(true);
    // Every reactor tried every notification: one claim won, the two others found it taken.
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(25);
    expect(outcomes.filter((o) => o === 'already_claimed')).toHaveLength(50);
    expect(outcomes).toHaveLength(75);
  });
});
