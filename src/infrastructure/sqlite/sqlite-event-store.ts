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
import { AppendSignal } from '../store-kit/append-signal';
import { CatchUpSubscription } from '../store-kit/catch-up-subscription';
import { storeClosed } from '../store-kit/store-errors';
import { DEFAULT_MAX_GROUP_SIZE, SqliteAppendBatcher } from './sqlite-append-batcher';
import { SqliteWalFlusher } from './sqlite-wal-flusher';
import { MAX_CHECKPOINT_YIELD_MS, type SqliteDatabase } from './sqlite-database';
import { SqliteEventReader } from './sqlite-event-reader';
import { SqliteEventWriter } from './sqlite-event-writer';

export interface SqliteEventStoreOptions {
  /** How often caught-up subscriptions look for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** Most appends written in one transaction. */
  readonly maxGroupSize?: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 200;

/**
 * The embedded event store: one `events` table in the shared SQLite file. Appends are group-committed;
 * subscriptions wake on this process's commits and poll for other processes' commits.
 */
export class SqliteEventStore implements EventStore {
  private readonly reader: SqliteEventReader;
  private readonly batcher: SqliteAppendBatcher;
  private readonly flusher: SqliteWalFlusher;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(database: SqliteDatabase, options: SqliteEventStoreOptions = {}) {
    this.reader = new SqliteEventReader(database.connection);
    this.flusher = new SqliteWalFlusher(database.walPath);
    this.batcher = new SqliteAppendBatcher(
      new SqliteEventWriter(database.connection),
      () => this.flusher.flushed(),
      () => this.signal.notify(),
      options.maxGroupSize ?? DEFAULT_MAX_GROUP_SIZE,
      { wanted: () => database.checkpointWantsWriteLock, maxMs: MAX_CHECKPOINT_YIELD_MS },
    );
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  }

  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(storeClosed('event store'));
    return this.batcher.enqueue({ streamId, events, expected });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return this.read(() => this.reader.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.read(() => this.reader.readAll(options));
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    if (this.closed) throw storeClosed('event store');
    const subscription = new CatchUpSubscription(
      {
        headPosition: () => this.reader.headPosition(),
        readRange: (after, upTo, filter, limit) => this.reader.readRange('forwards', after, upTo + 1, filter, limit),
      },
      this.signal,
      { ...options, pollIntervalMs: this.pollIntervalMs },
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.read(() => this.reader.headPosition());
  }

  /** Writes pending appends and ends subscriptions; the database itself belongs to whoever opened it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.batcher.drain();
    await this.flusher.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private read<T>(read: () => T): Promise<T> {
    if (this.closed) return Promise.reject(storeClosed('event store'));
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
