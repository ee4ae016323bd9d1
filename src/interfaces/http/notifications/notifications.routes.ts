import type { NotificationQueries } from '../../../application/notifications/notification.queries';
import { pageOf } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import { notificationIdParams, notificationListQuery, notificationSchema } from './notifications.schemas';

export interface NotificationsHttpDependencies {
  readonly notificationQueries: NotificationQueries;
  readonly readSide: ReadSide;
}

const tags = ['notifications'];

export const notificationsRoutes = (deps: NotificationsHttpDependencies): RouteDefinition[] => [
  queryRoute(
    deps.readSide,
    {
      path: '/api/notifications', operationId: 'listNotifications', tags, permission: 'notifications:read',
      summary: 'The notification log: emails and SMS the service sent, newest first',
      description:
        'Each notification is sent at most once, by a reactor after the event that caused it was stored. One that stays ' +
        '`queued` was claimed by a sender that stopped before recording the outcome; it is not sent again.',
      query: notificationListQuery,
      responses: { 200: { description: 'A page of notifications', schema: pageOf(notificationSchema) } },
    },
    ({ query }) => deps.notificationQueries.list(query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/notifications/:id', operationId: 'getNotification', tags, permission: 'notifications:read',
      summary: 'One notification',
      params: notificationIdParams,
      responses: { 200: { description: 'The notification', schema: notificationSchema } },
    },
    ({ params }) => deps.notificationQueries.get(params.id),
  ),
];
