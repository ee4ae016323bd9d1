import {
  ANY,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type EventData,
  type JSONType,
  type PrefixesFilter,
  type RegexFilter,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type {
  EventFilter,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '../../application/shared/ports/event-store.port';
import type { EventMetadata } from '../../domain/shared/event';
import { invalid } from '../../domain/shared/domain-error';
import { assertRevisionNumber } from '../store-kit/expected-revision';

/*
 * Translation between the EventStore port and EventStoreDB's client types.
 * Positions: the port's global position is the event's commit position in the transaction log. Every event
 * appended over gRPC is its own commit (commit and prepare positions are equal; only the legacy TCP API's
 * explicit transactions differ), so the number is unique per event and grows in $all order.
 */

export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      assertRevisionNumber(expected);
      return BigInt(expected);
  }
};

/** The port's revision for a client revision; revisions beyond 2^53 cannot occur in one stream. */
export const revisionOf = (revision: bigint): number => Number(revision);

export const positionOf = (position: Position): number => {
  const value = Number(position.commit);
  if (!Number.isSafeInteger(value)) throw new Error(`EventStoreDB position ${position.commit} is beyond 2^53`);
  return value;
};

/** Where a forwards read or subscription starts for events after `after` (the start is inclusive: callers skip `after`). */
export const toReadPosition = (after: number | undefined): ReadPosition =>
  after === undefined || after <= 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };

/** Where a backwards read starts for events before `before`. */
export const toBackwardsReadPosition = (before: number | undefined): ReadPosition =>
  before === undefined ? END : { commit: BigInt(before), prepare: BigInt(before) };

export const toReadRevision = (fromRevision: number | undefined, direction: 'forwards' | 'backwards'): ReadRevision => {
  if (fromRevision === undefined) return direction === 'forwards' ? START : END;
  if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
    throw invalid('event_store.invalid_revision', 'fromRevision must be a non-negative integer', { fromRevision });
  }
  return BigInt(fromRevision);
};

export const toEventData = (event: EventToAppend): EventData =>
  jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });

const isSystem = (streamId: string, type: string) => streamId.startsWith('$') || type.startsWith('$');

/** The port's event for a resolved client event; null for system events and anything this service did not write. */
export const toRecordedEvent = (resolved: AllStreamResolvedEvent | ResolvedEvent): RecordedEvent | null => {
  const event = resolved.event;
  if (!event || !event.isJson || isSystem(event.streamId, event.type)) return null;
  if (!event.position) throw new Error('EventStoreDB did not report event positions (it needs version 22.6 or later)');
  return {
    streamId: event.streamId,
    revision: revisionOf(event.revision),
    position: positionOf(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
};

export type ServerFilter = RegexFilter | PrefixesFilter;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * EventStoreDB filters on stream names or on event types, not both at once: stream prefixes go to the
 * server (the usual, more selective case) and event types then stay for the caller to check; types alone
 * become an exact-match regex. Without a filter, system events are excluded on the server.
 */
export const toServerFilter = (filter: EventFilter | undefined): { server: ServerFilter; residual: EventFilter | undefined } => {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes;
  // An empty list matches nothing, as in the other adapters: the caller's check then drops everything.
  if (prefixes?.length === 0 || types?.length === 0) return { server: excludeSystemEvents(), residual: filter };
  if (prefixes) {
    return {
      server: streamNameFilter({ prefixes: [...prefixes] }),
      residual: types ? { eventTypes: types } : undefined,
    };
  }
  if (types) {
    return { server: eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` }), residual: undefined };
  }
  return { server: excludeSystemEvents(), residual: undefined };
};
