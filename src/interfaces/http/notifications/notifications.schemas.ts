import { z } from 'zod';
import { NOTIFICATION_STATUSES } from '../../../application/notifications/notifications.read-model';
import { paginationQuery } from '../common/pagination.schema';

/** A day (inclusive: from its first or to its last millisecond, UTC) or a timestamp with an offset, as ISO 8601 UTC. */
const boundary = (edge: 'start' | 'end') =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .transform((value) =>
      value.length === 10 ? `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z` : new Date(value).toISOString(),
    );

export const notificationListQuery = paginationQuery.extend({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  template: z.string().trim().min(1).max(100).optional(),
  rule: z.string().trim().min(1).max(100).optional(),
  to: z.string().trim().min(3).max(320).optional().describe('An email address (any case) or an E.164 phone number'),
  sourceStreamId: z.string().trim().min(1).max(200).optional().describe('The stream of the event that caused it, e.g. warranty-LV24A000123K'),
  queuedFrom: boundary('start').optional().describe('A date or timestamp; inclusive'),
  queuedTo: boundary('end').optional().describe('A date or timestamp; inclusive (a date covers the whole day, UTC)'),
});

export const notificationIdParams = z.object({ id: z.string().min(1).max(64) });

export const notificationSchema = z
  .object({
    id: z.string(),
    rule: z.string().describe('The reactor rule that planned it'),
    channel: z.enum(['email', 'sms']),
    to: z.string(),
    template: z.string(),
    status: z
      .enum(NOTIFICATION_STATUSES)
      .describe('queued: claimed, outcome not recorded (a sender that stopped in between never sends it: at most once); sent; failed'),
    sourceEventType: z.string(),
    sourceEventId: z.string(),
    sourceStreamId: z.string(),
    messageId: z.string().nullable(),
    error: z.string().nullable().describe('Why it failed: a code and a short cause'),
    queuedAt: z.string(),
    sentAt: z.string().nullable(),
    failedAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
