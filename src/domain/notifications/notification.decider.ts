import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/**
 * One stream per notification, its id derived from the event that caused it: the first append ("no stream"
 * expected) is the claim, so a notification is sent by whoever claims it first and never by anyone else.
 */
export const notificationStreamId = (notificationId: string): string => `notification-${notificationId}`;

export type NotificationChannel = 'email' | 'sms';

export interface NotificationClaim {
  readonly notificationId: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly sourceStreamId: string;
  /** The reactor rule that planned it. */
  readonly rule: string;
  readonly channel: NotificationChannel;
  /** An email address or an E.164 phone number. */
  readonly to: string;
  readonly template: string;
  readonly queuedAt: string;
}

export type QueueNotification = DomainCommand<'QueueNotification', NotificationClaim>;
export type RecordNotificationSent = DomainCommand<
  'RecordNotificationSent',
  { readonly notificationId: string; readonly messageId: string | null; readonly sentAt: string }
>;
export type RecordNotificationFailed = DomainCommand<
  'RecordNotificationFailed',
  { readonly notificationId: string; readonly error: string; readonly failedAt: string }
>;
export type NotificationCommand = QueueNotification | RecordNotificationSent | RecordNotificationFailed;

export type NotificationQueued = DomainEvent<'NotificationQueued', NotificationClaim>;
export type NotificationSent = DomainEvent<'NotificationSent', RecordNotificationSent['data']>;
export type NotificationFailed = DomainEvent<'NotificationFailed', RecordNotificationFailed['data']>;
export type NotificationEvent = NotificationQueued | NotificationSent | NotificationFailed;

export type NotificationState =
  | { readonly status: 'none' }
  | ({ readonly status: 'queued' } & NotificationClaim)
  | ({ readonly status: 'sent'; readonly messageId: string | null; readonly sentAt: string } & NotificationClaim)
  | ({ readonly status: 'failed'; readonly error: string; readonly failedAt: string } & NotificationClaim);

/** Failure reasons are short summaries (a code and a cause), never a provider's full answer. */
export const MAX_NOTIFICATION_ERROR_LENGTH = 300;
const MAX_ADDRESS_LENGTH = 320;
const TEMPLATE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const validateClaim = (claim: NotificationClaim): void => {
  switch (claim.channel) {
    case 'email':
    case 'sms':
      break;
    default:
      return assertNever(claim.channel);
  }
  if (claim.to.trim().length === 0 || claim.to.length > MAX_ADDRESS_LENGTH) {
    throw invalid('notification.invalid_recipient', `A recipient is 1..${MAX_ADDRESS_LENGTH} characters`);
  }
  if (!TEMPLATE_NAME.test(claim.template)) {
    throw invalid('notification.invalid_template', `Invalid template name ${JSON.stringify(claim.template)}`);
  }
  if (claim.rule.trim().length === 0 || claim.sourceEventId.length === 0) {
    throw invalid('notification.invalid_source', 'A notification names its rule and source event');
  }
};

const queue = (claim: NotificationClaim, state: NotificationState): readonly NotificationEvent[] => {
  validateClaim(claim);
  if (state.status !== 'none') {
    throw conflict('notification.already_queued', `Notification ${claim.notificationId} is already ${state.status}`, {
      notificationId: claim.notificationId,
      status: state.status,
    });
  }
  return [{ type: 'NotificationQueued', data: claim }];
};

/** The outcome of a queued notification; recording the same outcome again is a no-op, a different one a conflict. */
const settle = (
  notificationId: string,
  outcome: 'sent' | 'failed',
  state: NotificationState,
  event: NotificationSent | NotificationFailed,
): readonly NotificationEvent[] => {
  if (state.status === 'none') {
    throw notFound('notification.not_found', `There is no notification ${notificationId}`, { notificationId });
  }
  if (state.status === outcome) return [];
  if (state.status !== 'queued') {
    throw conflict('notification.already_settled', `Notification ${notificationId} is already ${state.status}`, {
      notificationId,
      status: state.status,
    });
  }
  return [event];
};

const decide = (command: NotificationCommand, state: NotificationState): readonly NotificationEvent[] => {
  switch (command.type) {
    case 'QueueNotification':
      return queue(command.data, state);
    case 'RecordNotificationSent':
      return settle(command.data.notificationId, 'sent', state, { type: 'NotificationSent', data: command.data });
    case 'RecordNotificationFailed': {
      const { error } = command.data;
      if (error.trim().length === 0 || error.length > MAX_NOTIFICATION_ERROR_LENGTH) {
        throw invalid('notification.invalid_error', `A failure reason is 1..${MAX_NOTIFICATION_ERROR_LENGTH} characters`);
      }
      return settle(command.data.notificationId, 'failed', state, { type: 'NotificationFailed', data: command.data });
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: NotificationState, event: NotificationEvent): NotificationState => {
  switch (event.type) {
    case 'NotificationQueued':
      return { status: 'queued', ...event.data };
    case 'NotificationSent':
      if (state.status !== 'queued') return state;
      return { ...state, status: 'sent', messageId: event.data.messageId, sentAt: event.data.sentAt };
    case 'NotificationFailed':
      if (state.status !== 'queued') return state;
      return { ...state, status: 'failed', error: event.data.error, failedAt: event.data.failedAt };
    default:
      return assertNever(event);
  }
};

export const NotificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
