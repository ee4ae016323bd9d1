import type { AllStreamResolvedEvent, AllStreamSubscription, KurrentDBClient, Position } from '@kurrent/kurrentdb-client';
import type { Feed, FeedMessage } from '../store-kit/resumable-subscription';
import { positionOf, toReadPosition, toRecordedEvent, type ServerFilter } from './esdb-mapping';

/** Messages held before the server stream is paused; it resumes once the consumer has taken half. */
const HIGH_WATER = 2_000;

/**
 * One live $all subscription as a Feed. Events and checkpoints reach the queue in the server's order: a
 * checkpoint is queued only once every event received before it has left the stream's own buffer.
 */
export class EsdbFeed implements Feed {
  private readonly queue: FeedMessage[] = [];
  private failure: unknown = null;
  private waiting: { resolve: (message: FeedMessage) => void; reject: (error: unknown) => void } | null = null;
  private readonly subscription: AllStreamSubscription;
  private pendingCheckpoint: { position: number; release: () => void } | null = null;

  constructor(client: KurrentDBClient, after: number, filter: ServerFilter) {
    this.subscription = client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: { ...filter, checkpointInterval: 1, checkpointReached: (_, position) => this.checkpointReached(position) },
    });
    this.subscription.on('data', (resolved: AllStreamResolvedEvent) => this.received(resolved));
    this.subscription.on('error', (error: unknown) => this.failed(error));
    this.subscription.on('end', () => this.failed(new Error('EventStoreDB ended the subscription')));
  }

  next(): Promise<FeedMessage> {
    const message = this.poll();
    if (message) return Promise.resolve(message);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  poll(): FeedMessage | undefined {
    const message = this.queue.shift();
    if (this.subscription.isPaused() && this.queue.length <= HIGH_WATER / 2) this.subscription.resume();
    return message;
  }

  async close(): Promise<void> {
    this.subscription.removeAllListeners('data');
    this.subscription.on('error', () => undefined);
    this.pendingCheckpoint?.release();
    await this.subscription.unsubscribe();
  }

  private received(resolved: AllStreamResolvedEvent): void {
    const event = toRecordedEvent(resolved);
    if (event) this.deliver({ kind: 'event', event });
    if (this.pendingCheckpoint && this.subscription.readableLength === 0) this.flushCheckpoint();
  }

  /** Awaited by the client before it reads further: hold it until the events buffered before it are queued. */
  private checkpointReached(position: Position): Promise<void> {
    return new Promise((release) => {
      this.pendingCheckpoint = { position: positionOf(position), release };
      if (this.subscription.readableLength === 0) this.flushCheckpoint();
    });
  }

  private flushCheckpoint(): void {
    const pending = this.pendingCheckpoint;
    if (!pending) return;
    this.pendingCheckpoint = null;
    this.deliver({ kind: 'checkpoint', position: pending.position });
    pending.release();
  }

  private deliver(message: FeedMessage): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve(message);
      return;
    }
    this.queue.push(message);
    if (this.queue.length >= HIGH_WATER) this.subscription.pause();
  }

  private failed(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = error;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    }
  }
}
