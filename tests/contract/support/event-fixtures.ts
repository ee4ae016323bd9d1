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

export interface TestNames {
  /** Starts every stream id and event type this test writes: `streamPrefixes: [tag]` selects all of them. */
  readonly tag: string;
  /** A stream id `<tag><category>-<id>` (a new UUID unless given). */
  stream(category: string, id?: string): string;
  /** The prefix of every stream `stream(category, …)` names. */
  prefix(category: string): string;
  type(name: string): string;
  /** A name with the tag taken out, for readable assertions: `<tag>order-1` reads as `order-1`. */
  plain(name: string): string;
}

/**
 * Names unique to one test, so that on a shared store (earlier runs, other suites) no filter and no read of the
 * test's own range ever meets a foreign event. Stream ids keep the `<category>-<id>` shape.
 */
export const uniqueNames = (): TestNames => {
  const tag = `t${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  return {
    tag,
    stream: (category, id = randomUUID()) => `${tag}${category}-${id}`,
    prefix: (category) => `${tag}${category}-`,
    type: (name) => `${tag}${name}`,
    plain: (name) => name.replaceAll(tag, ''),
  };
};
