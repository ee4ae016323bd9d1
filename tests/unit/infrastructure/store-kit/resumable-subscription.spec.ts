import type { RecordedEvent } from '../../../../src/application/shared/ports/event-store.port';
import type { EventMetadata } from '../../../../src/domain/shared/event';
import { ResumableSubscription, type Feed, type FeedMessage } from '../../../../src/infrastructure/store-kit/resumable-subscription';

const event = (position: number, streamId = `order-${position}`, type = 'OrderPlaced'): RecordedEvent => ({
  streamId,
  revision: 0,
  position,
  type,
  data: {},
  metadata: {} as EventMetadata,
});

/**
 * An engine log in memory: each opened feed serves the log from the requested position (inclusive, as
 * EventStoreDB's start is), and can be told to drop after handing out some messages.
 */
class ScriptedLog {
  readonly opened: number[] = [];
  private dropAfter: number[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly messages: FeedMessage[]) {}

  append(...more: FeedMessage[]): void {
    this.messages.push(...more);
    for (const wake of this.waiters) wake();
  }

  /** The next feeds opened drop their connection after this many messages each. */
  dropFeedsAfter(...counts: number[]): void {
    this.dropAfter = counts;
  }

  open = (after: number): Feed => {
    this.opened.push(after);
    const limit = this.dropAfter.shift() ?? Infinity;
    let cursor = this.messages.findIndex((message) => positionOf(message) >= after);
    if (cursor < 0) cursor = this.messages.length;
    let served = 0;
    let closed = false;
    const take = (): FeedMessage | 'drop' | undefined => {
      if (served >= limit) return 'drop';
      const message = this.messages[cursor];
      if (!message) return undefined;
      cursor++;
      served++;
      return message;
    };
    const feed: Feed = {
      poll: () => {
        const message = take();
        return message === 'drop' ? undefined : message;
      },
      next: async () => {
        for (;;) {
          if (closed) return new Promise<FeedMessage>(() => undefined);
          const message = take();
          if (message === 'drop') throw new Error('connection dropped');
          if (message) return message;
          await new Promise<void>((resolve) => {
            const wake = () => {
              this.waiters.delete(wake);
              resolve();
            };
            this.waiters.add(wake);
          });
        }
      },
      close: async () => {
        closed = true;
        for (const wake of this.waiters) wake();
      },
    };
    return feed;
  };
}

const positionOf = (message: FeedMessage) => (message.kind === 'event' ? message.event.position : message.position);
const events = (...positions: number[]): FeedMessage[] => positions.map((position) => ({ kind: 'event', event: event(position) }));

/** Collects batches until `stop` says enough, then closes. */
const collect = async (subscription: ResumableSubscription, stop: (seen: number[]) => boolean) => {
  const seen: number[] = [];
  const batches: number[][] = [];
  for await (const batch of subscription) {
    batches.push(batch.map((e) => e.position));
    seen.push(...batch.map((e) => e.position));
    if (stop(seen)) break;
  }
  await subscription.close();
  return { seen, batches };
};

describe('ResumableSubscription', () => {
  it('drops the start position the engine repeats, and delivers the rest in batches', async () => {
    const log = new ScriptedLog(events(10, 20, 30, 40, 50));
    const subscription = new ResumableSubscription(log.open, { after: 20, batchSize: 2 });
    const { batches } = await collect(subscription, (seen) => seen.includes(50));
    expect(batches).toEqual([[30, 40], [50]]);
    expect(log.opened).toEqual([20]);
  });

  it('reopens after a dropped connection from the last position consumed, without a gap or a repeat', async () => {
    const log = new ScriptedLog(events(1, 2, 3, 4, 5, 6, 7, 8));
    log.dropFeedsAfter(3, 2);
    const reconnects: number[] = [];
    const subscription = new ResumableSubscription(log.open, {
      batchSize: 100,
      retryDelaysMs: [0],
      onReconnect: (_, attempt) => reconnects.push(attempt),
    });
    const { seen } = await collect(subscription, (positions) => positions.includes(8));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Each reopened feed starts at the last position consumed, which the engine serves again and the subscription drops.
    expect(log.opened).toEqual([0, 3, 4]);
    expect(reconnects).toEqual([1, 1]);
  });

  it('continues live after history, across a drop', async () => {
    const log = new ScriptedLog(events(1, 2));
    const subscription = new ResumableSubscription(log.open, { retryDelaysMs: [0] });
    const seen: number[] = [];
    const iterator = subscription[Symbol.asyncIterator]();
    seen.push(...((await iterator.next()).value as RecordedEvent[]).map((e) => e.position));
    log.dropFeedsAfter(1);
    log.append(...events(3));
    const pending = iterator.next();
    log.append(...events(4, 5));
    seen.push(...((await pending).value as RecordedEvent[]).map((e) => e.position));
    while (!seen.includes(5)) seen.push(...((await iterator.next()).value as RecordedEvent[]).map((e) => e.position));
    await subscription.close();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies the filter the engine could not, moving the position past what it drops', async () => {
    const log = new ScriptedLog([
      { kind: 'event', event: event(1, 'order-1', 'OrderPlaced') },
      { kind: 'event', event: event(2, 'order-2', 'OrderPaid') },
      { kind: 'event', event: event(3, 'order-3', 'OrderPlaced') },
      { kind: 'event', event: event(4, 'order-4', 'OrderPaid') },
    ]);
    const subscription = new ResumableSubscription(log.open, { filter: { eventTypes: ['OrderPaid'] }, batchSize: 1 });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(((await iterator.next()).value as RecordedEvent[]).map((e) => e.position)).toEqual([2]);
    expect(subscription.position).toBe(2);
    expect(((await iterator.next()).value as RecordedEvent[]).map((e) => e.position)).toEqual([4]);
    expect(subscription.position).toBe(4);
    await subscription.close();
  });

  it('reports checkpoints as empty batches only when asked, and always moves the position', async () => {
    const log = new ScriptedLog([...events(1), { kind: 'checkpoint', position: 90 }]);
    const reporting = new ResumableSubscription(log.open, { reportSkipped: true });
    const iterator = reporting[Symbol.asyncIterator]();
    expect(((await iterator.next()).value as RecordedEvent[]).map((e) => e.position)).toEqual([1]);
    expect(reporting.position).toBe(90);
    await reporting.close();

    const quiet = new ScriptedLog([{ kind: 'checkpoint', position: 40 }, ...events(50)]);
    const silent = new ResumableSubscription(quiet.open, { batchSize: 1 });
    const first = await silent[Symbol.asyncIterator]().next();
    expect((first.value as RecordedEvent[]).map((e) => e.position)).toEqual([50]);
    await silent.close();
  });

  it('yields an empty batch for a checkpoint alone when reporting skips', async () => {
    const log = new ScriptedLog([{ kind: 'checkpoint', position: 64 }]);
    const subscription = new ResumableSubscription(log.open, { reportSkipped: true });
    const next = await subscription[Symbol.asyncIterator]().next();
    expect(next.value).toEqual([]);
    expect(subscription.position).toBe(64);
    await subscription.close();
  });

  it('ends a pending iteration when closed', async () => {
    const log = new ScriptedLog([]);
    const subscription = new ResumableSubscription(log.open);
    const pending = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('rejects a batch size that is not a positive integer', () => {
    const log = new ScriptedLog([]);
    expect(() => new ResumableSubscription(log.open, { batchSize: 0 })).toThrow(
      expect.objectContaining({ code: 'event_store.invalid_batch_size' }),
    );
  });
});
