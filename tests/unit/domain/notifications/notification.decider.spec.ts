import {
  MAX_NOTIFICATION_ERROR_LENGTH,
  NotificationDecider,
  notificationStreamId,
  type NotificationClaim,
  type NotificationEvent,
  type QueueNotification,
  type RecordNotificationFailed,
  type RecordNotificationSent,
} from '../../../../src/domain/notifications/notification.decider';
import { given } from '../decider-spec';

const claim: NotificationClaim = {
  notificationId: 'n-1',
  sourceEventId: 'evt-1',
  sourceEventType: 'WarrantyActivated',
  sourceStreamId: 'warranty-LV24A000123K',
  rule: 'warranty-activated',
  channel: 'email',
  to: 'jane@mail.example',
  template: 'warranty-activated',
  queuedAt: '2026-01-01T10:00:00.000Z',
};
const queue = (overrides: Partial<NotificationClaim> = {}): QueueNotification => ({
  type: 'QueueNotification',
  data: { ...claim, ...overrides },
});
const recordSent = (messageId: string | null = '<m-1@opsledger>'): RecordNotificationSent => ({
  type: 'RecordNotificationSent',
  data: { notificationId: 'n-1', messageId, sentAt: '2026-01-01T10:00:01.000Z' },
});
const recordFailed = (error = 'mail.unavailable: SMTP answered 421'): RecordNotificationFailed => ({
  type: 'RecordNotificationFailed',
  data: { notificationId: 'n-1', error, failedAt: '2026-01-01T10:00:02.000Z' },
});
const queued: NotificationEvent = { type: 'NotificationQueued', data: claim };
const sent: NotificationEvent = { type: 'NotificationSent', data: recordSent().data };
const failed: NotificationEvent = { type: 'NotificationFailed', data: recordFailed().data };

describe('notification', () => {
  it('names its stream notification-<id>', () => {
    expect(notificationStreamId('n-1')).toBe('notification-n-1');
  });

  describe('QueueNotification (the claim)', () => {
    it('queues a new notification', () => {
      given(NotificationDecider).when(queue()).then([queued]);
    });

    it.each([[[queued]], [[queued, sent]], [[queued, failed]]])('refuses a second claim with notification.already_queued (%#)', (history) => {
      given(NotificationDecider, history)
        .when(queue())
        .thenThrows('notification.already_queued', { kind: 'conflict' });
    });

    it('queues an SMS', () => {
      given(NotificationDecider)
        .when(queue({ channel: 'sms', to: '+254712345678' }))
        .then([{ type: 'NotificationQueued', data: { ...claim, channel: 'sms', to: '+254712345678' } }]);
    });

    it.each(['', ' ', 'x'.repeat(321)])('refuses the recipient %p', (to) => {
      given(NotificationDecider).when(queue({ to })).thenThrows('notification.invalid_recipient', { kind: 'invalid' });
    });

    it.each(['', 'Welcome', '../secrets', 'a_b'])('refuses the template name %p', (template) => {
      given(NotificationDecider).when(queue({ template })).thenThrows('notification.invalid_template', { kind: 'invalid' });
    });

    it('refuses a claim without a rule or source event', () => {
      given(NotificationDecider).when(queue({ rule: ' ' })).thenThrows('notification.invalid_source', { kind: 'invalid' });
      given(NotificationDecider).when(queue({ sourceEventId: '' })).thenThrows('notification.invalid_source', { kind: 'invalid' });
    });
  });

  describe('RecordNotificationSent', () => {
    it('records the message id of a queued notification', () => {
      given(NotificationDecider, [queued]).when(recordSent()).then([sent]);
    });

    it('accepts a provider that gives no message id', () => {
      given(NotificationDecider, [queued])
        .when(recordSent(null))
        .then([{ type: 'NotificationSent', data: recordSent(null).data }]);
    });

    it('is a no-op when already sent', () => {
      given(NotificationDecider, [queued, sent]).when(recordSent()).then([]);
    });

    it('refuses an unknown notification with notification.not_found', () => {
      given(NotificationDecider).when(recordSent()).thenThrows('notification.not_found', { kind: 'not_found' });
    });

    it('refuses a failed notification with notification.already_settled', () => {
      given(NotificationDecider, [queued, failed])
        .when(recordSent())
        .thenThrows('notification.already_settled', { kind: 'conflict', details: { notificationId: 'n-1', status: 'failed' } });
    });
  });

  describe('RecordNotificationFailed', () => {
    it('records why a queued notification failed', () => {
      given(NotificationDecider, [queued]).when(recordFailed()).then([failed]);
    });

    it('is a no-op when already failed', () => {
      given(NotificationDecider, [queued, failed]).when(recordFailed()).then([]);
    });

    it('refuses a sent notification with notification.already_settled', () => {
      given(NotificationDecider, [queued, sent]).when(recordFailed()).thenThrows('notification.already_settled', { kind: 'conflict' });
    });

    it('refuses an unknown notification with notification.not_found', () => {
      given(NotificationDecider).when(recordFailed()).thenThrows('notification.not_found', { kind: 'not_found' });
    });

    it.each(['', '  ', 'x'.repeat(MAX_NOTIFICATION_ERROR_LENGTH + 1)])('refuses the failure reason %#', (error) => {
      given(NotificationDecider, [queued]).when(recordFailed(error)).thenThrows('notification.invalid_error', { kind: 'invalid' });
    });
  });

  describe('evolve', () => {
    it('starts with nothing', () => {
      given(NotificationDecider).thenState({ status: 'none' });
    });

    it('is queued after NotificationQueued', () => {
      given(NotificationDecider, [queued]).thenState({ status: 'queued', ...claim });
    });

    it('is sent after NotificationSent', () => {
      given(NotificationDecider, [queued, sent]).thenState({
        status: 'sent',
        ...claim,
        messageId: '<m-1@opsledger>',
        sentAt: '2026-01-01T10:00:01.000Z',
      });
    });

    it('is failed after NotificationFailed', () => {
      given(NotificationDecider, [queued, failed]).thenState({
        status: 'failed',
        ...claim,
        error: 'mail.unavailable: SMTP answered 421',
        failedAt: '2026-01-01T10:00:02.000Z',
      });
    });

    it('keeps the first outcome when a second one is stored', () => {
      given(NotificationDecider, [queued, sent, failed]).thenState({
        status: 'sent',
        ...claim,
        messageId: '<m-1@opsledger>',
        sentAt: '2026-01-01T10:00:01.000Z',
      });
    });
  });
});
