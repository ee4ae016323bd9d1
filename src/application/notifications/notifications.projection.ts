import type { NotificationEvent } from '../../domain/notifications/notification.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { NOTIFICATIONS, type NotificationView } from './notifications.read-model';

// Only a queued notification takes an outcome, as in the decider.
const update = (view: ProjectionView, id: string, change: (notification: NotificationView) => NotificationView) =>
  updateDocument<NotificationView>(view, NOTIFICATIONS, id, (notification) => (notification.status === 'queued' ? change(notification) : null));

const applyNotificationEvent = async (event: NotificationEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'NotificationQueued': {
      const { notificationId, ...claim } = event.data;
      const queued: NotificationView = { id: notificationId, ...claim, status: 'queued', messageId: null, error: null, sentAt: null, failedAt: null };
      view.put(NOTIFICATIONS, queued);
      return;
    }
    case 'NotificationSent':
      return update(view, event.data.notificationId, (n) => ({ ...n, status: 'sent', messageId: event.data.messageId, sentAt: event.data.sentAt }));
    case 'NotificationFailed':
      return update(view, event.data.notificationId, (n) => ({ ...n, status: 'failed', error: event.data.error, failedAt: event.data.failedAt }));
    default:
      return assertNever(event);
  }
};

/** The notification log: every email and SMS the reactors claimed, and whether it went out. */
export const notificationsProjection: Projection = {
  name: 'notifications-v1',
  collections: [
    {
      name: NOTIFICATIONS,
      indexes: [
        { fields: ['queuedAt'] },
        { fields: ['status', 'queuedAt'] },
        { fields: ['to', 'queuedAt'] },
        { fields: ['sourceStreamId'] },
        { fields: ['sourceEventId'] },
        { fields: ['rule'] },
        { fields: ['template'] },
        { fields: ['channel'] },
      ],
    },
  ],
  filter: { streamPrefixes: ['notification-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) =>
    applyNotificationEvent({ type: recorded.type, data: recorded.data } as NotificationEvent, view),
};
