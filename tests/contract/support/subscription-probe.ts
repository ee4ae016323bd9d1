import type { EventSubscription, RecordedEvent } from '../../../src/application/shared/ports/event-store.port';

/**
 * Reads a subscription from a test: take(n) resolves with the next n events, or fails after a bounded deadline
 * (no fixed sleeps, but a broken subscription cannot hang the suite).
 */
export class SubscriptionProbe {
  readonly batches: (readonly RecordedEvent[])[] = [];
  private readonly iterator: AsyncIterator<readonly RecordedEvent[]>;
  private buffer: RecordedEvent[] = [];
  private pending: Promise<IteratorResult<readonly RecordedEvent[]>> | null = null;

  constructor(
    readonly subscription: EventSubscription,
    private readonly deadlineMs = 5000,
  ) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async take(count: number): Promise<RecordedEvent[]> {
    while (this.buffer.length < count) {
      const next = await this.withDeadline(this.next(), `waiting for ${count} events, got ${this.buffer.length}`);
      if (next.done) throw new Error(`subscription ended after ${this.buffer.length} of ${count} events`);
      this.batches.push(next.value);
      this.buffer.push(...next.value);
    }
    return this.buffer.splice(0, count);
  }

  /** Resolves true when the iteration finishes (after close), within the deadline. */
  async ended(): Promise<boolean> {
    const next = await this.withDeadline(this.next(), 'waiting for the subscription to end');
    return next.done === true;
  }

  /** Starts a read that stays pending while the subscription is caught up. */
  startWaiting(): void {
    this.pending ??= this.iterator.next();
  }

  private next(): Promise<IteratorResult<readonly RecordedEvent[]>> {
    const pending = this.pending ?? this.iterator.next();
    this.pending = null;
    return pending;
  }

  private async withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`deadline passed ${what}`)), this.deadlineMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
