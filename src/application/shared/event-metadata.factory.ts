import { createHash } from 'node:crypto';
import type { DomainEvent, EventMetadata } from '../../domain/shared/event';
import type { CommandContext } from './command-context';
import type { Clock } from './ports/clock.port';
import type { EventToAppend } from './ports/event-store.port';
import type { IdGenerator } from './ports/id-generator.port';

export const EVENT_SCHEMA_VERSION = 1;

/**
 * An event id derived from an idempotency key: replaying the same command with the same key
 * produces the same ids, so the store recognises the repeat and writes nothing.
 */
export const idempotentEventId = (scope: string, key: string, streamId: string, index: number): string => {
  const hex = createHash('sha256').update(`${scope}\u0000${key}\u0000${streamId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export class EventMetadataFactory {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Envelopes for events about to be appended to `streamId` under `operation`. */
  envelopes(
    operation: string,
    streamId: string,
    events: readonly DomainEvent[],
    context: CommandContext,
  ): EventToAppend[] {
    const occurredAt = this.clock.now().toISOString();
    return events.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: this.metadata(
        context,
        occurredAt,
        this.idempotentEventId(operation, streamId, index, context) ?? this.ids.newId(),
      ),
    }));
  }

  /** The id the `index`-th event of this command gets when the context carries an idempotency key. */
  idempotentEventId(operation: string, streamId: string, index: number, context: CommandContext): string | null {
    if (!context.idempotencyKey) return null;
    const scope = `${context.actor?.userId ?? 'anonymous'}:${operation}`;
    return idempotentEventId(scope, context.idempotencyKey, streamId, index);
  }

  /** A new id for an entity this command creates; stable across replays of the same idempotency key. */
  entityId(operation: string, context: CommandContext): string {
    return this.idempotentEventId(operation, 'entity', 0, context) ?? this.ids.newId();
  }

  private metadata(context: CommandContext, occurredAt: string, eventId: string): EventMetadata {
    return {
      eventId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actorId: context.actor?.userId ?? null,
      actorRole: context.actor?.role ?? null,
      tenantId: context.actor?.tenantId ?? null,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
      occurredAt,
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
  }
}
