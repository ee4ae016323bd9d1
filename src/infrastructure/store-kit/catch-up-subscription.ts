import type {
  EventFilter,
  EventSubscription,
  RecordedEvent,
} from '../../application/shared/ports/event-store.port';
import { invalid } from '../../domain/shared/domain-error';
import type { AppendSignal } from './append-signal';

/** What a subscription needs from a store: synchronous reads, so no append can slip between read and wait. */
export interface SubscriptionSource {
  headPosition(): number;
  /** Events with after < position <= upTo matching the filter, in position order, at most `limit`. */
  readRange(after: number, upTo: number, filter: EventFilter | undefined, limit: number): readonly RecordedEvent[];
}

export interface CatchUpOptions {
  readonly after?: number;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  readonly reportSkipped?: boolean;
  /** Also re-check this often, for appends made by other processes; omit when only this process writes. */
  readonly pollIntervalMs?: number;
}

export const DEFAULT_BATCH_SIZE = 500;
/** A filtered read scans at most this many batches' worth of positions: bounds the synchronous work of a rare filter. */
const SCAN_WINDOW_BATCHES = 20;

/**
 * Delivers history after the checkpoint, then waits for the next append (or poll tick) and delivers again.
 * The cursor advances past scanned positions even when a filtered read finds nothing, so nothing is rescanned.
 */
export class CatchUpSubscription implements EventSubscription {
  private readonly batchSize: number;
  private closed = false;
  private wake: (() => void) | null = null;
  private scanned: number;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly signal: AppendSignal,
    private readonly options: CatchUpOptions,
    private readonly onClosed: (subscription: CatchUpSubscription) => void,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw invalid('event_store.invalid_batch_size', 'batchSize must be a positive integer', { batchSize: this.batchSize });
    }
    this.scanned = options.after ?? 0;
  }

  get position(): number {
    return this.scanned;
  }

  /** Meant for one consumer: each call starts an independent read from the subscription's `after`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<readonly RecordedEvent[]> {
    const { batchSize, options } = this;
    const window = options.filter ? batchSize * SCAN_WINDOW_BATCHES : batchSize;
    let cursor = options.after ?? 0;
    this.scanned = cursor;
    while (!this.closed) {
      const head = this.source.headPosition();
      if (head <= cursor) {
        await this.waitForAppend();
        continue;
      }
      // A window of positions at a time bounds the rows one read scans, however rarely the filter matches.
      const upTo = Math.min(head, cursor + window);
      const batch = this.source.readRange(cursor, upTo, options.filter, batchSize);
      const last = batch[batch.length - 1];
      cursor = batch.length === batchSize && last ? last.position : upTo;
      // Set before yielding: the consumer reads it while it handles this batch.
      this.scanned = cursor;
      if (batch.length > 0 || options.reportSkipped) yield batch;
    }
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.wake?.();
      this.onClosed(this);
    }
    return Promise.resolve();
  }

  private waitForAppend(): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        stopListening();
        this.wake = null;
        resolve();
      };
      const stopListening = this.signal.onNextAppend(done);
      if (this.options.pollIntervalMs !== undefined) timer = setTimeout(done, this.options.pollIntervalMs);
      this.wake = done;
    });
  }
}
