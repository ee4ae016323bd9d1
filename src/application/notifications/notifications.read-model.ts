import type { NotificationChannel } from '../../domain/notifications/notification.decider';

export const NOTIFICATIONS = 'notifications';

export type NotificationStatus = 'queued' | 'sent' | 'failed';
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed'] as const satisfies readonly NotificationStatus[];

/**
 * One entry of the notification log. `queued` with no outcome for long means it was claimed and the sender
 * stopped before recording the send: at most once, it is never sent again.
 */
export interface NotificationView {
  readonly id: string;
  readonly rule: string;
  readonly channel: NotificationChannel;
  readonly to: string;
  readonly template: string;
  readonly status: NotificationStatus;
  readonly sourceEventType: string;
  readonly sourceEventId: string;
  readonly sourceStreamId: string;
  readonly messageId: string | null;
  readonly error: string | null;
  readonly queuedAt: string;
  readonly sentAt: string | null;
  readonly failedAt: string | null;
  readonly [field: string]: unknown;
}
