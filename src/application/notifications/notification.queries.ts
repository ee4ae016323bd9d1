import { notFound } from '../../domain/shared/domain-error';
import type { NotificationChannel } from '../../domain/notifications/notification.decider';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { NOTIFICATIONS, type NotificationStatus, type NotificationView } from './notifications.read-model';

export interface NotificationListQuery extends PageRequest {
  readonly status?: NotificationStatus | undefined;
  readonly channel?: NotificationChannel | undefined;
  readonly template?: string | undefined;
  readonly rule?: string | undefined;
  /** An email address (any case) or an E.164 phone number. */
  readonly to?: string | undefined;
  readonly sourceStreamId?: string | undefined;
  /** Inclusive bounds on queuedAt, as ISO 8601 UTC timestamps. */
  readonly queuedFrom?: string | undefined;
  readonly queuedTo?: string | undefined;
}

/** The notification log, newest first. */
export class NotificationQueries {
  constructor(private readonly documents: DocumentStore) {}

  list(query: NotificationListQuery): Promise<Page<NotificationView>> {
    const { queuedFrom, queuedTo } = query;
    const filter = definedOnly({
      status: query.status,
      channel: query.channel,
      template: query.template,
      rule: query.rule,
      // Emails are stored lower-cased (users and warranties keep them so); phones have no case.
      to: query.to?.toLowerCase(),
      sourceStreamId: query.sourceStreamId,
      queuedAt: queuedFrom || queuedTo ? { ...(queuedFrom && { $gte: queuedFrom }), ...(queuedTo && { $lte: queuedTo }) } : undefined,
    });
    return findPage<NotificationView>(this.documents, NOTIFICATIONS, filter, [{ field: 'queuedAt', direction: 'desc' }], query);
  }

  async get(id: string): Promise<NotificationView> {
    const notification = await this.documents.get<NotificationView>(NOTIFICATIONS, id);
    if (!notification) throw notFound('notification.not_found', `Notification ${id} does not exist`, { notificationId: id });
    return notification;
  }
}
