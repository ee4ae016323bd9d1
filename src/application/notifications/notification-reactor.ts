import { isDomainError } from '../../domain/shared/domain-error';
import type { DocumentStore } from '../shared/ports/document-store.port';
import type { EventStore, RecordedEvent } from '../shared/ports/event-store.port';
import { EventReactor, type EventReactorOptions, type Reaction, type ReactorLog } from '../shared/reactors/event-reactor';
import type { NotificationDispatcher } from './notification-dispatcher';
import type { NotificationRule } from './notification-rule';

export const NOTIFICATION_REACTOR = 'reactor:notifications';

export interface NotificationReactorOptions extends EventReactorOptions {
  /** Names the checkpoint and the lease. */
  readonly name?: string;
}

/** Plans each event's notifications by the rules and hands them to the dispatcher, which sends each at most once. */
class NotificationReaction implements Reaction {
  readonly eventTypes: readonly string[];

  constructor(
    private readonly rules: readonly NotificationRule[],
    private readonly dispatcher: NotificationDispatcher,
    private readonly log: ReactorLog,
  ) {
    this.eventTypes = [...new Set(rules.flatMap((rule) => rule.eventTypes))];
  }

  async react(event: RecordedEvent): Promise<void> {
    for (const rule of this.rules) {
      if (!rule.eventTypes.includes(event.type)) continue;
      const planned = await rule.plan(event).catch((error: unknown) => {
        // An unavailable store is worth retrying (from the checkpoint); anything else is the rule's bug.
        if (isDomainError(error) && error.kind === 'unavailable') throw error;
        this.log.error({ err: error, rule: rule.name, sourceEventId: event.metadata.eventId }, 'notification rule failed; event skipped');
        return [];
      });
      for (const notification of planned) await this.dispatcher.dispatch(event, rule.name, notification);
    }
  }
}

/**
 * Sends the notifications the rules plan for stored events. What a restart replays is harmless, because every
 * notification is claimed in its own stream before it is sent (see NotificationDispatcher). A rule or a send that
 * fails is logged (and recorded failed) and the reactor goes on.
 */
export class NotificationReactor extends EventReactor {
  constructor(
    rules: readonly NotificationRule[],
    events: EventStore,
    documents: DocumentStore,
    dispatcher: NotificationDispatcher,
    log: ReactorLog,
    options: NotificationReactorOptions = {},
  ) {
    super(options.name ?? NOTIFICATION_REACTOR, new NotificationReaction(rules, dispatcher, log), events, documents, log, options);
  }
}
