import { NotificationDispatcher } from '../../../src/application/notifications/notification-dispatcher';
import type { ReactorLog } from '../../../src/application/shared/reactors/event-reactor';
import { NotificationReactor } from '../../../src/application/notifications/notification-reactor';
import type { NotificationRule } from '../../../src/application/notifications/notification-rule';
import { CommandExecutor } from '../../../src/application/shared/command-executor';
import { EventMetadataFactory } from '../../../src/application/shared/event-metadata.factory';
import type { Mailer, OutgoingMail } from '../../../src/application/shared/ports/mailer.port';
import type { OutgoingSms, SmsSender } from '../../../src/application/shared/ports/sms-sender.port';
import { unavailable } from '../../../src/domain/shared/domain-error';
import { InMemoryDocumentStore } from '../../../src/infrastructure/memory/in-memory-document-store';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { fixedClock, sequentialIds } from './fixtures';

interface Thing {
  readonly email: string;
  readonly explode?: boolean;
  readonly template?: string;
}

/** Mails every `ThingHappened`; throws for things that explode. */
const thingRule: NotificationRule = {
  name: 'thing',
  eventTypes: ['ThingHappened'],
  plan: (event) => {
    const thing = event.data as Thing;
    if (thing.explode) return Promise.reject(new Error('rule bug'));
    return Promise.resolve([{ key: 'email', channel: 'email', to: thing.email, template: thing.template ?? 'thing', data: {} }]);
  },
};

describe('NotificationReactor', () => {
  let events: InMemoryEventStore;
  let documents: InMemoryDocumentStore;
  let mailed: OutgoingMail[];
  let failMailTo: string | null;
  let logged: { level: string; message: string }[];
  let reactor: NotificationReactor;
  const ids = sequentialIds('evt');

  const log: ReactorLog = {
    warn: (_d, message) => logged.push({ level: 'warn', message }),
    error: (_d, message) => logged.push({ level: 'error', message }),
  };
  const mailer: Mailer = {
    send: (mail) => {
      if (mail.to === failMailTo) return Promise.reject(unavailable('mail.unavailable', 'SMTP answered 421'));
      mailed.push(mail);
      return Promise.resolve({ messageId: `<m-${mailed.length}>` });
    },
  };
  const smsSender: SmsSender = { send: (_sms: OutgoingSms) => Promise.resolve({ messageId: null }) };

  const happen = (streamId: string, thing: Thing) =>
    events.appendToStream(
      streamId,
      [
        {
          type: 'ThingHappened',
          data: thing,
          metadata: {
            eventId: ids.newId(), correlationId: 'corr', causationId: null, actorId: null, actorRole: null,
            tenantId: null, clientIp: null, userAgent: null, occurredAt: '2025-03-14T09:00:00.000Z', schemaVersion: 1,
          },
        },
      ],
      'any',
    );
  const statusOf = async (position: number) => {
    const [queued] = await events.readAll({ after: position, filter: { eventTypes: ['NotificationQueued'] }, maxCount: 1 });
    const stream = await events.readStream(queued!.streamId);
    return stream.map((e) => e.type);
  };

  beforeEach(async () => {
    events = new InMemoryEventStore();
    documents = new InMemoryDocumentStore();
    mailed = [];
    failMailTo = null;
    logged = [];
    const clock = fixedClock();
    const executor = new CommandExecutor(events, new EventMetadataFactory(clock, sequentialIds('n')));
    const dispatcher = new NotificationDispatcher({ executor, eventStore: events, clock, mailer, smsSender, log });
    reactor = new NotificationReactor([thingRule], events, documents, dispatcher, log);
    await reactor.begin();
  });
  afterEach(() => reactor.stop());

  it('goes on after a rule fails, logging it, and checkpoints what it handled', async () => {
    await happen('thing-1', { email: 'a@x.example' });
    await happen('thing-2', { email: 'b@x.example', explode: true });
    const last = await happen('thing-3', { email: 'c@x.example' });

    await reactor.waitFor(last.position);

    expect(mailed.map((m) => m.to)).toEqual(['a@x.example', 'c@x.example']);
    expect(logged).toEqual([{ level: 'error', message: 'notification rule failed; event skipped' }]);
    expect(await documents.getCheckpoint('reactor:notifications')).toBeGreaterThanOrEqual(last.position);
  });

  it('records a failed send and goes on', async () => {
    failMailTo = 'a@x.example';
    const first = await happen('thing-1', { email: 'a@x.example' });
    const last = await happen('thing-2', { email: 'b@x.example' });

    await reactor.waitFor(last.position);

    expect(await statusOf(first.position)).toEqual(['NotificationQueued', 'NotificationFailed']);
    const [failed] = await events.readAll({ filter: { eventTypes: ['NotificationFailed'] } });
    expect(failed!.data).toMatchObject({ error: 'mail.unavailable: SMTP answered 421' });
    expect(mailed.map((m) => m.to)).toEqual(['b@x.example']);
  });

  it('logs and skips a notification the decider refuses (a rule bug), and goes on', async () => {
    await happen('thing-1', { email: 'a@x.example', template: '../etc/passwd' });
    const last = await happen('thing-2', { email: 'b@x.example' });

    await reactor.waitFor(last.position);

    expect(mailed.map((m) => m.to)).toEqual(['b@x.example']);
    expect(logged).toEqual([{ level: 'error', message: 'notification refused; fix the rule' }]);
  });

  it('fails a wait it cannot finish in time with reactor.lagging', async () => {
    await reactor.stop();
    const last = await happen('thing-1', { email: 'a@x.example' });

    await expect(reactor.waitFor(last.position, 20)).rejects.toMatchObject({ code: 'reactor.lagging' });
  });
});
