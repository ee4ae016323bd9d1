import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../../src/application/shared/ports/event-store.port';

export const newEvent = (type = 'ThingHappened', data: unknown = { value: 1 }, eventId = randomUUID()): EventToAppend => ({
  type,
  data,
  metadata: {
    eventId,
    correlationId: randomUUID(),
    causationId: null,
    actorId: 'user-1',
    actorRole: 'admin',
    tenantId: null,
    clientIp: '127.0.0.1',
    userAgent: 'contract-test',
    occurredAt: '2025-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
});

export const newEvents = (count: number, type = 'ThingHappened'): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export const streamIn = (category: string) => `${category}-${randomUUID()}`;
