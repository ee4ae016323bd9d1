import { BACKWARDS, FORWARDS, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../../application/shared/ports/event-store.port';
import { matchesEventFilter } from '../../application/shared/ports/event-filter';
import { assertExpectedRevision } from '../store-kit/expected-revision';
import { checkedCount, duplicateEventId, storeClosed } from '../store-kit/store-errors';
import { ResumableSubscription } from '../store-kit/resumable-subscription';
import { isStreamNotFound, translateAppendError, translateEngineError } from './esdb-errors';
import { EsdbFeed } from './esdb-feed';
import {
  positionOf,
  revisionOf,
  toBackwardsReadPosition,
  toEventData,
  toReadPosition,
  toReadRevision,
  toRecordedEvent,
  toServerFilter,
  toStreamState,
} from './esdb-mapping';

export interface EsdbEventStoreOptions {
  readonly onReconnect?: (error: unknown, attempt: number) => void;
}

/**
 * The EventStore port on EventStoreDB (or KurrentDB) through the official gRPC client. Expected revisions,
 * idempotent appends and filtered $all reads are the server's own; this adapter only translates, skips
 * system events, and reopens dropped subscriptions after the last position it handed out.
 */
export class EsdbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<EventSubscription>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {}

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const ids = events.map((event) => event.metadata.eventId);
    if (new Set(ids).size !== ids.length) throw duplicateEventId(streamId, ids);
    if (events.length === 0) return this.checkRevisionOnly(streamId, expected);
    let result;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), { streamState: toStreamState(expected) });
    } catch (error) {
      throw translateAppendError(error, streamId, expected);
    }
    const nextRevision = revisionOf(result.nextExpectedRevision);
    // A one-event write's position is that event's; otherwise (or for an idempotent repeat) ask the stream.
    if (events.length === 1 && result.position) return { nextRevision, position: positionOf(result.position) };
    const [last] = await this.readStream(streamId, { fromRevision: nextRevision, maxCount: 1 });
    return { nextRevision, position: last?.position ?? 0 };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const direction = options.direction ?? 'forwards';
    const maxCount = checkedCount('maxCount', options.maxCount);
    if (maxCount === 0) return [];
    const found: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision: toReadRevision(options.fromRevision, direction),
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) found.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateEngineError(error);
    }
    return found;
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const maxCount = checkedCount('maxCount', options.maxCount) ?? Infinity;
    if (maxCount === 0) return [];
    const { server, residual } = toServerFilter(options.filter);
    // Start positions are inclusive on the server; the bound itself is dropped below.
    const inRange = forwards
      ? (position: number) => options.after === undefined || position > options.after
      : (position: number) => options.before === undefined || position < options.before;
    const found: RecordedEvent[] = [];
    try {
      const read = this.client.readAll({
        direction: forwards ? FORWARDS : BACKWARDS,
        fromPosition: forwards ? toReadPosition(options.after) : toBackwardsReadPosition(options.before),
        filter: server,
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || !inRange(event.position) || !matchesEventFilter(event, residual)) continue;
        found.push(event);
        if (found.length >= maxCount) break;
      }
    } catch (error) {
      throw translateEngineError(error);
    }
    return found;
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const { server, residual } = toServerFilter(options.filter);
    const subscription: ResumableSubscription = new ResumableSubscription((after) => new EsdbFeed(this.client, after, server), {
      ...options,
      filter: residual,
      ...(this.options.onReconnect ? { onReconnect: this.options.onReconnect } : {}),
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    const [last] = await this.readAll({ direction: 'backwards', maxCount: 1 });
    return last?.position ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  /** An append of no events writes nothing on any engine: check the expectation against the stream's end. */
  private async checkRevisionOnly(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    assertExpectedRevision(streamId, expected, last ? last.revision : null);
    return { nextRevision: last ? last.revision : -1, position: last?.position ?? 0 };
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed('event store');
  }
}
