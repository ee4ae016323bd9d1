import type {
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../../application/shared/ports/event-store.port';
import { AppendSignal } from '../store-kit/append-signal';
import { CatchUpSubscription } from '../store-kit/catch-up-subscription';
import { matchesEventFilter } from '../../application/shared/ports/event-filter';
import { assertExpectedRevision } from '../store-kit/expected-revision';
import { checkedCount, duplicateEventId, storeClosed } from '../store-kit/store-errors';

/** The event store in process memory, with the same semantics as the durable adapters; for unit tests. */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, RecordedEvent>();
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      this.assertOpen();
      const result = this.append(streamId, events, expected);
      if (events.length > 0) this.signal.notify();
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.run(() => {
      const maxCount = checkedCount('maxCount', options.maxCount) ?? Infinity;
      const stream = this.streams.get(streamId) ?? [];
      const selected =
        options.direction === 'backwards'
          ? stream.filter((event) => event.revision <= (options.fromRevision ?? Infinity)).reverse()
          : stream.filter((event) => event.revision >= (options.fromRevision ?? 0));
      return selected.slice(0, maxCount);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.run(() => {
      const maxCount = checkedCount('maxCount', options.maxCount) ?? Infinity;
      const candidates =
        options.direction === 'backwards'
          ? this.all.slice(0, Math.max(0, Math.ceil(options.before ?? Infinity) - 1)).reverse()
          : this.all.slice(Math.max(0, options.after ?? 0));
      const selected: RecordedEvent[] = [];
      for (const event of candidates) {
        if (selected.length >= maxCount) break;
        if (matchesEventFilter(event, options.filter)) selected.push(event);
      }
      return selected;
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      {
        headPosition: () => this.all.length,
        readRange: (after, upTo, filter, limit) => this.readRange(after, upTo, filter, limit),
      },
      this.signal,
      options,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.run(() => this.all.length);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const repeated = this.findRepeatedBatch(streamId, events);
    if (repeated) return repeated;
    const stream = this.streams.get(streamId);
    const last = stream?.[stream.length - 1];
    assertExpectedRevision(streamId, expected, last ? last.revision : null);
    const ids = events.map((event) => event.metadata.eventId);
    if (new Set(ids).size !== ids.length || ids.some((id) => this.byEventId.has(id))) {
      throw duplicateEventId(streamId, ids);
    }
    if (events.length === 0) return { nextRevision: last ? last.revision : -1, position: last ? last.position : 0 };

    const recorded = events.map(
      (event, index): RecordedEvent => ({
        streamId,
        revision: (last ? last.revision + 1 : 0) + index,
        position: this.all.length + 1 + index,
        type: event.type,
        data: cloneJson(event.data),
        metadata: cloneJson(event.metadata),
      }),
    );
    const target = stream ?? [];
    target.push(...recorded);
    this.streams.set(streamId, target);
    this.all.push(...recorded);
    for (const event of recorded) this.byEventId.set(event.metadata.eventId, event);
    const newest = recorded[recorded.length - 1] as RecordedEvent;
    return { nextRevision: newest.revision, position: newest.position };
  }

  /** The same batch appended before, in order and in this stream: the original result; a partial overlap throws. */
  private findRepeatedBatch(streamId: string, events: readonly EventToAppend[]): AppendResult | null {
    const first = events[0] && this.byEventId.get(events[0].metadata.eventId);
    if (!first) return null;
    const stored = (this.streams.get(first.streamId) ?? []).slice(first.revision, first.revision + events.length);
    const same =
      first.streamId === streamId &&
      stored.length === events.length &&
      stored.every((event, index) => event.metadata.eventId === events[index]?.metadata.eventId);
    if (!same) throw duplicateEventId(streamId, events.map((event) => event.metadata.eventId));
    const newest = stored[stored.length - 1] as RecordedEvent;
    return { nextRevision: newest.revision, position: newest.position };
  }

  private readRange(after: number, upTo: number, filter: EventFilter | undefined, limit: number): RecordedEvent[] {
    const selected: RecordedEvent[] = [];
    for (const event of this.all.slice(after, upTo)) {
      if (selected.length >= limit) break;
      if (matchesEventFilter(event, filter)) selected.push(event);
    }
    return selected;
  }

  private run<T>(read: () => T): Promise<T> {
    try {
      this.assertOpen();
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed('event store');
  }
}

/** Stored copies go through JSON, like every durable adapter, so callers cannot mutate history. */
const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;
