import type { EventFilter, EventSubscription, RecordedEvent } from '../../application/shared/ports/event-store.port';
import { matchesEventFilter } from '../../application/shared/ports/event-filter';
import { invalid } from '../../domain/shared/domain-error';
import { DEFAULT_BATCH_SIZE } from './catch-up-subscription';

/** What an engine's live subscription delivers: events in position order, and marks of how far it has scanned. */
export type FeedMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'checkpoint'; readonly position: number };

/** One connection's worth of a subscription. `next` rejects when the connection drops. */
export interface Feed {
  next(): Promise<FeedMessage>;
  /** A message already received, without waiting; undefined when none is buffered. */
  poll(): FeedMessage | undefined;
  close(): Promise<void>;
}

export interface ResumableOptions {
  readonly after?: number;
  /** Applied here to what the engine could not filter itself; events outside it only move the position. */
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  readonly reportSkipped?: boolean;
  /** Waits between reconnection attempts; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  readonly onReconnect?: (error: unknown, attempt: number) => void;
  /** Told once, when the subscription is closed, so its store can forget it. */
  readonly onClosed?: () => void;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 500, 2_000, 5_000];

/**
 * A catch-up subscription that survives dropped connections: it reopens the engine's feed after the last
 * position it consumed, and drops anything at or below that position, so the consumer never sees an event
 * twice or misses one, whether the engine's start position is inclusive or not.
 */
export class ResumableSubscription implements EventSubscription {
  private scanned: number;
  private feed: Feed | null = null;
  private closed = false;
  private readonly closing: Promise<void>;
  private signalClosed: () => void = () => undefined;
  private readonly batchSize: number;

  constructor(
    private readonly open: (after: number) => Feed,
    private readonly options: ResumableOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw invalid('event_store.invalid_batch_size', 'batchSize must be a positive integer', { batchSize: this.batchSize });
    }
    this.scanned = options.after ?? 0;
    this.position = this.scanned;
    this.closing = new Promise((resolve) => (this.signalClosed = resolve));
  }

  position: number;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.options.onClosed?.();
    const feed = this.feed;
    this.feed = null;
    await feed?.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    for (let failures = 0; !this.closed; ) {
      const batch: RecordedEvent[] = [];
      let dropped: unknown = null;
      try {
        await this.fill(batch);
        failures = 0;
      } catch (error) {
        dropped = error;
      }
      if (this.closed) return;
      if (batch.length > 0 || this.scanned > this.position) {
        this.position = this.scanned;
        if (batch.length > 0 || this.options.reportSkipped) yield batch;
      }
      if (dropped !== null) {
        await this.reconnectAfter(dropped, ++failures);
      }
    }
  }

  /** Waits for the first message, then takes what is already buffered, up to a batch. */
  private async fill(batch: RecordedEvent[]): Promise<void> {
    const feed = (this.feed ??= this.open(this.scanned));
    const first = await Promise.race([feed.next(), this.closing.then(() => null)]);
    if (first === null) return;
    for (let message: FeedMessage | undefined = first; message; ) {
      this.take(message, batch);
      if (batch.length >= this.batchSize) return;
      message = feed.poll();
    }
  }

  private take(message: FeedMessage, batch: RecordedEvent[]): void {
    if (message.kind === 'checkpoint') {
      this.scanned = Math.max(this.scanned, message.position);
      return;
    }
    const { event } = message;
    if (event.position <= this.scanned) return;
    this.scanned = event.position;
    if (matchesEventFilter(event, this.options.filter)) batch.push(event);
  }

  private async reconnectAfter(error: unknown, attempt: number): Promise<void> {
    const feed = this.feed;
    this.feed = null;
    await feed?.close().catch(() => undefined);
    this.options.onReconnect?.(error, attempt);
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const wait = delays[Math.min(attempt - 1, delays.length - 1)] ?? 0;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, wait).unref()), this.closing]);
  }
}
