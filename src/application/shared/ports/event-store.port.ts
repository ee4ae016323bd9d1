import type { EventMetadata } from '../../../domain/shared/event';

/**
 * The event store, with EventStoreDB's semantics.
 * Revisions count from 0 within a stream; positions are global, strictly increasing across all streams.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  readonly type: string;
  readonly data: unknown;
  /** metadata.eventId makes the append idempotent: the same ids appended again write nothing. */
  readonly metadata: EventMetadata;
}

export interface RecordedEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last event in the stream after the append. */
  readonly nextRevision: number;
  /** Global position of the last event written (or found, for an idempotent repeat). */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive revision to start from; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Stream id prefixes, e.g. `warranty-`; an event matches if its stream starts with any of them. */
  readonly streamPrefixes?: readonly string[];
  /** Exact event types; an event matches if its type is any of them. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: 'forwards' | 'backwards';
  /**
   * Exclusive bound: forwards reads events with position > after (default: from the start);
   * backwards reads events with position < before (default: from the end).
   */
  readonly after?: number;
  readonly before?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Deliver events with position > after; omit to start from the beginning. */
  readonly after?: number;
  readonly filter?: EventFilter;
  /** Upper bound on events per delivered batch. */
  readonly batchSize?: number;
  /**
   * Also yield an empty batch when the filter passed over events without a match, so a consumer that
   * checkpoints `position` moves past events it never reads.
   */
  readonly reportSkipped?: boolean;
}

/**
 * A catch-up subscription: yields batches of events in position order, first the history after the
 * checkpoint, then new events as they are appended. It ends only when closed.
 */
export interface EventSubscription extends AsyncIterable<readonly RecordedEvent[]> {
  /**
   * How far the subscription has read: every event at or below this position was in a batch yielded so far
   * or did not match the filter. Read it while handling a batch; it moves when the next batch is requested.
   */
  readonly position: number;
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends events atomically. Throws WrongExpectedRevision (a DomainError with kind 'conflict',
   * code 'event_store.wrong_expected_revision') when the stream's revision does not match.
   */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Reads a stream; an absent stream yields an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  /** Position of the newest event, or 0 when the store is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
