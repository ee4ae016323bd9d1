import { z } from 'zod';
import { SECURITY_EVENT_TYPES } from '../../../application/identity/security-events.read-model';
import { paginationQuery } from '../common/pagination.schema';

export const securityEventSchema = z
  .object({
    id: z.string().describe('The id of the recorded event'),
    userId: z.string(),
    type: z.enum(SECURITY_EVENT_TYPES),
    occurredAt: z.string(),
    position: z.number().int().describe('Global position of the recorded event'),
    actorId: z.string().nullable().describe('Who did it; null for anonymous requests such as a login'),
    actorRole: z.string().nullable(),
    clientIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    correlationId: z.string(),
    details: z.record(z.string(), z.unknown()).describe('What changed: a login method, the previous and new role, the changed profile fields, …'),
  })
  .meta({ id: 'SecurityEvent' });

export const securityEventListQuery = paginationQuery.extend({ type: z.enum(SECURITY_EVENT_TYPES).optional() });
