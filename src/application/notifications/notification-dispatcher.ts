import { createHash } from 'node:crypto';
import type { ReactorLog } from '../shared/reactors/event-reactor';
import {
  MAX_NOTIFICATION_ERROR_LENGTH,
  NotificationDecider,
  notificationStreamId,
  type NotificationCommand,
} from '../../domain/notifications/notification.decider';
import { assertNever } from '../../domain/shared/decider';
import { isDomainError } from '../../domain/shared/domain-error';
import { systemContext, type CommandContext } from '../shared/command-context';
import type { CommandExecutor } from '../shared/command-executor';
import type { Clock } from '../shared/ports/clock.port';
import type { EventStore, RecordedEvent } from '../shared/ports/event-store.port';
import { loadAggregate } from '../shared/load-aggregate';
import type { Mailer } from '../shared/ports/mailer.port';
import type { SmsSender } from '../shared/ports/sms-sender.port';
import type { PlannedNotification } from './notification-rule';

/** Where reactors report what they cannot store as an event; pino's logger fits it. */

export type DispatchOutcome = 'sent' | 'failed' | 'already_claimed' | 'refused';

/** The same event, rule and key always give the same id, on every instance and after every restart. */
export const notificationIdFor = (sourceEventId: string, rule: string, key: string): string =>
  createHash('sha256').update(`${sourceEventId}\u0000${rule}\u0000${key}`).digest('hex').slice(0, 32);

/** A failure as the notification log shows it: a code and a cause, never a stack, a rendered message or a secret. */
const describeFailure = (error: unknown): string => {
  const text = isDomainError(error) ? `${error.code}: ${error.message}` : `unexpected ${error instanceof Error ? error.name : 'error'}`;
  return text.length > MAX_NOTIFICATION_ERROR_LENGTH ? `${text.slice(0, MAX_NOTIFICATION_ERROR_LENGTH - 1)}…` : text;
};

export interface NotificationDispatcherDependencies {
  readonly executor: CommandExecutor;
  readonly eventStore: EventStore;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly smsSender: SmsSender;
  readonly log: ReactorLog;
}


/**
 * Sends one planned notification at most once: claim (append `NotificationQueued` to a stream that must not exist
 * yet), then send, then record the outcome. The claim comes first, so a crash between claim and send leaves a
 * notification queued and never sent; nothing sends it twice. Errors of the event store propagate (the reactor
 * retries the event; the claim then answers "already claimed"); errors of the send are recorded as failed.
 */
export class NotificationDispatcher {
  constructor(private readonly deps: NotificationDispatcherDependencies) {}

  async dispatch(source: RecordedEvent, rule: string, planned: PlannedNotification): Promise<DispatchOutcome> {
    const notificationId = notificationIdFor(source.metadata.eventId, rule, planned.key);
    const details = { notificationId, rule, key: planned.key, sourceEventId: source.metadata.eventId };
    // Written as the system, caused by the source event, in the source's correlation chain.
    const context = systemContext(source.metadata.correlationId, source.metadata.eventId);
    const claim = await this.run(notificationId, context, {
      type: 'QueueNotification',
      data: {
        notificationId,
        sourceEventId: source.metadata.eventId,
        sourceEventType: source.type,
        sourceStreamId: source.streamId,
        rule,
        channel: planned.channel,
        to: planned.to,
        template: planned.template,
        queuedAt: this.now(),
      },
    }).then(
      () => 'claimed' as const,
      (error: unknown) => {
        if (!isDomainError(error)) throw error;
        if (error.code === 'notification.already_queued') return 'already_claimed' as const;
        if (error.kind === 'invalid') {
          // A rule planned something the decider refuses (a bad template name): a bug, logged, nothing to retry.
          this.deps.log.error({ ...details, err: error }, 'notification refused; fix the rule');
          return 'refused' as const;
        }
        throw error;
      },
    );
    if (claim === 'already_claimed') await this.reportUnsettled(notificationId, details);
    if (claim !== 'claimed') return claim;

    let messageId: string | null;
    try {
      messageId = (await this.send(planned)).messageId;
    } catch (error) {
      this.deps.log.error({ ...details, err: error }, 'notification could not be sent; recorded as failed');
      await this.run(notificationId, context, {
        type: 'RecordNotificationFailed',
        data: { notificationId, error: describeFailure(error), failedAt: this.now() },
      });
      return 'failed';
    }
    await this.run(notificationId, context, {
      type: 'RecordNotificationSent',
      data: { notificationId, messageId, sentAt: this.now() },
    });
    return 'sent';
  }

  /**
   * A claim found still queued was taken by a worker that is sending it now, or that stopped (crashed) between
   * claim and outcome: at most once means it is not sent again, so say so where operators look.
   */
  private async reportUnsettled(notificationId: string, details: Record<string, unknown>): Promise<void> {
    const { state } = await loadAggregate(this.deps.eventStore, NotificationDecider, notificationStreamId(notificationId));
    if (state.status === 'queued') {
      this.deps.log.warn({ ...details, queuedAt: state.queuedAt }, 'notification claimed earlier and not recorded as sent; not sending it again');
    }
  }

  private send(planned: PlannedNotification): Promise<{ readonly messageId: string | null }> {
    const { to, template, data } = planned;
    switch (planned.channel) {
      case 'email':
        return this.deps.mailer.send({ to, template, data });
      case 'sms':
        return this.deps.smsSender.send({ to, template, data });
      default:
        return assertNever(planned.channel);
    }
  }

  private async run(notificationId: string, context: CommandContext, command: NotificationCommand): Promise<void> {
    await this.deps.executor.execute({
      operation: command.type,
      decider: NotificationDecider,
      streamId: notificationStreamId(notificationId),
      command,
      context,
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
