import type {
  EventStore,
  ExpectedRevision,
  RecordedEvent,
} from '../../src/application/shared/ports/event-store.port';
import {
  WRONG_EXPECTED_REVISION,
  isWrongExpectedRevision,
} from '../../src/application/shared/ports/wrong-expected-revision';
import { DomainError } from '../../src/domain/shared/domain-error';
import { DUPLICATE_EVENT_ID } from '../../src/infrastructure/store-kit/store-errors';
import { type TestNames, newEvent, newEvents, uniqueNames } from './support/event-fixtures';
import { SubscriptionProbe } from './support/subscription-probe';

export type EventStoreFactory = () => Promise<{
  store: EventStore;
  cleanup: () => Promise<void>;
  /**
   * True when the store holds nothing but what this test writes (a new in-memory store, a new file). Default
   * false: a shared server that already holds foreign events (earlier runs, other suites) and is never emptied.
   */
  fresh?: boolean;
}>;

const positionsOf = (events: readonly RecordedEvent[]) => events.map((event) => event.position);
const revisionsOf = (events: readonly RecordedEvent[]) => events.map((event) => event.revision);

const expectStrictlyIncreasing = (values: readonly number[]) => {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index] as number));
};

/**
 * The behaviour every EventStore adapter must show (EventStoreDB's semantics).
 *
 * It holds on a shared server too: each test names its streams and types with its own tag, records the head
 * position before it writes (`start`) and reads only after it. Unfiltered reads and subscriptions from `start`
 * assume that nobody else appends while the test runs; counts go through the test's own streams.
 */
export interface EventStoreGuarantees {
  /**
   * Event ids are unique across the whole store: a batch repeating stored ids is either the same batch (answered
   * as written, whatever the expected revision) or refused. The embedded adapters promise this; EventStoreDB
   * promises idempotency only for a batch repeated with the expected revision it was first written with.
   */
  readonly storeWideEventIds?: boolean;
}

export const describeEventStoreContract = (
  name: string,
  factory: EventStoreFactory,
  guarantees: EventStoreGuarantees = {},
): void => {
  const storeWideIt = guarantees.storeWideEventIds ? it : it.skip;
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let fresh: boolean;
    /** The head position before the test wrote anything. */
    let start: number;
    let names: TestNames;

    beforeEach(async () => {
      ({ store, cleanup, fresh = false } = await factory());
      start = await store.headPosition();
      names = uniqueNames();
    });

    afterEach(async () => {
      await cleanup();
    });

    const stream = (category: string, id?: string) => names.stream(category, id);

    /** Appends one event of each of the given types (this test's own: tagged) to `streamId`. */
    const appendTyped = (streamId: string, types: readonly string[], expected: ExpectedRevision = 'no_stream') =>
      store.appendToStream(streamId, types.map((type) => newEvent(names.type(type))), expected);

    /** Reads from the store's start when fresh (the defaults, as always), else after this test's `start`. */
    const sinceStart = (): { after?: number } => (fresh ? {} : { after: start });

    /** Caps a read that would run on into foreign history on a shared server; unbounded on a fresh store. */
    const cappedWhenShared = (maxCount: number): { maxCount?: number } => (fresh ? {} : { maxCount });

    /** Every event this test wrote, in position order: the whole store when fresh, else the test's own streams. */
    const readWritten = () =>
      store.readAll(fresh ? {} : { after: start, filter: { streamPrefixes: [names.tag] } });

    const rejectsWith = async (append: Promise<unknown>, code: string) => {
      const error: unknown = await append.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'conflict', code });
    };

    describe('expected revision', () => {
      const cases: { expected: ExpectedRevision; onAbsent: boolean; onRevision1: boolean }[] = [
        { expected: 'any', onAbsent: true, onRevision1: true },
        { expected: 'no_stream', onAbsent: true, onRevision1: false },
        { expected: 'stream_exists', onAbsent: false, onRevision1: true },
        { expected: 0, onAbsent: false, onRevision1: false },
        { expected: 1, onAbsent: false, onRevision1: true },
        { expected: 2, onAbsent: false, onRevision1: false },
      ];

      it.each(cases)('$expected on an absent stream: succeeds = $onAbsent', async ({ expected, onAbsent }) => {
        const streamId = stream('account');
        const append = store.appendToStream(streamId, [newEvent()], expected);
        if (onAbsent) {
          await expect(append).resolves.toMatchObject({ nextRevision: 0 });
        } else {
          await rejectsWith(append, WRONG_EXPECTED_REVISION);
          expect(await store.readStream(streamId)).toEqual([]);
        }
      });

      it.each(cases)('$expected on a stream at revision 1: succeeds = $onRevision1', async ({ expected, onRevision1 }) => {
        const streamId = stream('account');
        await store.appendToStream(streamId, newEvents(2), 'no_stream');
        const append = store.appendToStream(streamId, [newEvent()], expected);
        if (onRevision1) {
          await expect(append).resolves.toMatchObject({ nextRevision: 2 });
        } else {
          await rejectsWith(append, WRONG_EXPECTED_REVISION);
          expect(revisionsOf(await store.readStream(streamId))).toEqual([0, 1]);
        }
      });

      it('reports the stream and the actual revision in the error', async () => {
        const streamId = stream('account');
        await store.appendToStream(streamId, newEvents(3), 'no_stream');
        const error: unknown = await store.appendToStream(streamId, [newEvent()], 0).catch((reason: unknown) => reason);
        expect(isWrongExpectedRevision(error)).toBe(true);
        expect((error as DomainError).details).toMatchObject({ streamId, expected: '0', actual: '2' });
      });

      it('checks the revision when appending no events, and writes nothing', async () => {
        const streamId = stream('account');
        await store.appendToStream(streamId, [], 'no_stream');
        expect(await store.headPosition()).toBe(start);
        expect(await store.readStream(streamId)).toEqual([]);
        await store.appendToStream(streamId, [newEvent()], 'no_stream');
        await rejectsWith(store.appendToStream(streamId, [], 'no_stream'), WRONG_EXPECTED_REVISION);
        await expect(store.appendToStream(streamId, [], 0)).resolves.toMatchObject({ nextRevision: 0 });
      });
    });

    describe('revisions and positions', () => {
      it('numbers revisions per stream from 0 and positions globally, strictly increasing', async () => {
        const [a, b] = [stream('alpha'), stream('beta')];
        const first = await store.appendToStream(a, newEvents(2), 'no_stream');
        const second = await store.appendToStream(b, newEvents(1), 'no_stream');
        const third = await store.appendToStream(a, newEvents(3), 1);

        expect(first.nextRevision).toBe(1);
        expect(second.nextRevision).toBe(0);
        expect(third.nextRevision).toBe(4);
        expect(revisionsOf(await store.readStream(a))).toEqual([0, 1, 2, 3, 4]);
        expect(revisionsOf(await store.readStream(b))).toEqual([0]);

        const all = await readWritten();
        expect(all).toHaveLength(6);
        expect(all[0]?.position).toBeGreaterThan(start);
        expect(all[0]?.position).toBeGreaterThan(0);
        expectStrictlyIncreasing(positionsOf(all));
        expect(all.map((event) => event.streamId)).toEqual([a, a, b, a, a, a]);
        expect(first.position).toBe(all[1]?.position);
        expect(second.position).toBe(all[2]?.position);
        expect(third.position).toBe(all[5]?.position);
        expect(await store.headPosition()).toBe(third.position);
      });

      it('reports head position 0 when empty, else the position of the newest event', async () => {
        // Only a fresh store is known to be empty: a shared server always holds earlier events.
        if (fresh) expect(await store.headPosition()).toBe(0);
        const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
        expect(start).toBe(newest?.position ?? 0);
        const written = await store.appendToStream(stream('thing'), newEvents(2), 'no_stream');
        expect(await store.headPosition()).toBe(written.position);
      });

      it('does not move the head for an append of no events', async () => {
        await store.appendToStream(stream('thing'), [], 'no_stream');
        await store.appendToStream(stream('thing'), [], 'any');
        expect(await store.headPosition()).toBe(start);

        const streamId = stream('thing');
        const written = await store.appendToStream(streamId, newEvents(1), 'no_stream');
        await store.appendToStream(streamId, [], 0);
        await store.appendToStream(streamId, [], 'stream_exists');
        expect(await store.headPosition()).toBe(written.position);
        expect(positionsOf(await readWritten())).toEqual([written.position]);
      });

      it('stores type, data and metadata as given', async () => {
        const streamId = stream('thing');
        const event = newEvent('ThingNamed', { name: 'Zoë', tags: ['a', 'b'], nested: { n: 1.5, flag: false, none: null } });
        await store.appendToStream(streamId, [event], 'no_stream');
        const [stored] = await store.readStream(streamId);
        expect(stored).toEqual({
          streamId,
          revision: 0,
          position: expect.any(Number),
          type: 'ThingNamed',
          data: event.data,
          metadata: event.metadata,
        });
      });
    });

    describe('idempotent append by event id', () => {
      it('writes a repeated batch once and answers with the original result', async () => {
        const streamId = stream('order');
        const batch = newEvents(2);
        const original = await store.appendToStream(streamId, batch, 'no_stream');
        await store.appendToStream(stream('other'), newEvents(1), 'no_stream');

        await expect(store.appendToStream(streamId, batch, 'no_stream')).resolves.toEqual(original);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await readWritten()).toHaveLength(3);
      });

      storeWideIt('answers a repeated batch as written whatever revision the repeat expects', async () => {
        const streamId = stream('order');
        const batch = newEvents(2);
        const original = await store.appendToStream(streamId, batch, 'no_stream');
        await expect(store.appendToStream(streamId, batch, 'any')).resolves.toEqual(original);
        await expect(store.appendToStream(streamId, batch, 7)).resolves.toEqual(original);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('treats a leading part of an earlier batch as already written', async () => {
        const streamId = stream('order');
        const batch = newEvents(3);
        await store.appendToStream(streamId, batch, 'no_stream');
        const [first] = await store.readStream(streamId);
        await expect(store.appendToStream(streamId, batch.slice(0, 1), 'no_stream')).resolves.toEqual({
          nextRevision: 0,
          position: first?.position,
        });
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      storeWideIt('rejects a batch that only partly repeats stored ids, writing nothing', async () => {
        const streamId = stream('order');
        const [a, b] = [newEvent(), newEvent()];
        await store.appendToStream(streamId, [a, b], 'no_stream');

        await rejectsWith(store.appendToStream(streamId, [a, newEvent()], 'any'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(streamId, [newEvent(), b], 'any'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(streamId, [b, a], 'any'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(stream('order'), [a, b], 'any'), DUPLICATE_EVENT_ID);
        expect(await readWritten()).toHaveLength(2);
      });

      it('rejects a batch that repeats an id within itself', async () => {
        const event = newEvent();
        const streamId = stream('order');
        await rejectsWith(store.appendToStream(streamId, [event, event], 'any'), DUPLICATE_EVENT_ID);
        expect(await store.readStream(streamId)).toEqual([]);
      });

      storeWideIt('decides a "no_stream" batch to a new stream the same way: stored ids anywhere in it write nothing', async () => {
        const [a, b] = [newEvent(), newEvent()];
        await store.appendToStream(stream('order'), [a, b], 'no_stream');
        const repeated = newEvent();

        await rejectsWith(store.appendToStream(stream('order'), [a, newEvent()], 'no_stream'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(stream('order'), [newEvent(), b], 'no_stream'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(stream('order'), [newEvent(), b, newEvent()], 'no_stream'), DUPLICATE_EVENT_ID);
        await rejectsWith(store.appendToStream(stream('order'), [repeated, repeated], 'no_stream'), DUPLICATE_EVENT_ID);
        expect(await readWritten()).toHaveLength(2);
      });

      it('answers a repeated single-event "no_stream" append with the original result, and a new one with a conflict', async () => {
        const streamId = stream('order');
        const event = newEvent();
        const original = await store.appendToStream(streamId, [event], 'no_stream');

        await expect(store.appendToStream(streamId, [event], 'no_stream')).resolves.toEqual(original);
        const error: unknown = await store.appendToStream(streamId, [newEvent()], 'no_stream').catch((e: unknown) => e);
        expect(isWrongExpectedRevision(error)).toBe(true);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });
    });

    describe('readStream', () => {
      let streamId: string;

      beforeEach(async () => {
        streamId = stream('meter');
        await store.appendToStream(stream('noise'), newEvents(2), 'no_stream');
        await store.appendToStream(streamId, newEvents(5), 'no_stream');
      });

      it('reads forwards from the start by default', async () => {
        expect(revisionsOf(await store.readStream(streamId))).toEqual([0, 1, 2, 3, 4]);
      });

      it('reads forwards from an inclusive revision, up to maxCount', async () => {
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('reads backwards from the end by default, or from an inclusive revision', async () => {
        expect(revisionsOf(await store.readStream(streamId, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(
          revisionsOf(await store.readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 })),
        ).toEqual([3, 2]);
        expect(revisionsOf(await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))).toEqual([4]);
      });

      it('returns an empty list for an absent stream', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
        expect(await store.readStream(stream('missing'), { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('readAll', () => {
      let all: readonly RecordedEvent[];

      beforeEach(async () => {
        await appendTyped(stream('order', '1'), ['OrderPlaced', 'OrderAccepted']);
        await appendTyped(stream('ticket', '1'), ['TicketOpened']);
        await appendTyped(stream('orderline', '1'), ['OrderPlaced']);
        await appendTyped(stream('order', '2'), ['OrderPlaced']);
        await appendTyped(stream('meter', '1'), ['MeterRegistered', 'OrderPlaced']);
        all = await store.readAll(sinceStart());
      });

      const streamsOf = (events: readonly RecordedEvent[]) =>
        events.map((event) => names.plain(`${event.streamId}:${event.type}`));
      const at = (index: number) => (all[index] as RecordedEvent).position;

      it('reads everything forwards in position order', () => {
        expect(all).toHaveLength(7);
        expectStrictlyIncreasing(positionsOf(all));
        expect(at(0)).toBeGreaterThan(start);
        expect(streamsOf(all)).toEqual([
          'order-1:OrderPlaced',
          'order-1:OrderAccepted',
          'ticket-1:TicketOpened',
          'orderline-1:OrderPlaced',
          'order-2:OrderPlaced',
          'meter-1:MeterRegistered',
          'meter-1:OrderPlaced',
        ]);
      });

      it('reads forwards after an exclusive position, up to maxCount', async () => {
        expect(positionsOf(await store.readAll({ after: at(2) }))).toEqual(positionsOf(all.slice(3)));
        expect(positionsOf(await store.readAll({ after: at(1), maxCount: 2 }))).toEqual([at(2), at(3)]);
        expect(await store.readAll({ after: at(6) })).toEqual([]);
      });

      it('reads backwards from the end, or before an exclusive position, up to maxCount', async () => {
        // On a shared server a backwards read goes on into earlier history: the first event it meets there is at `start`.
        const earlier = start > 0 ? [start] : [];
        expect(positionsOf(await store.readAll({ direction: 'backwards', ...cappedWhenShared(all.length + 1) }))).toEqual([
          ...positionsOf(all).reverse(),
          ...earlier,
        ]);
        expect(positionsOf(await store.readAll({ direction: 'backwards', before: at(3), maxCount: 2 }))).toEqual([
          at(2),
          at(1),
        ]);
        expect(positionsOf(await store.readAll({ direction: 'backwards', before: at(0), ...cappedWhenShared(1) }))).toEqual(
          earlier,
        );
      });

      it('filters by stream prefixes (any of them)', async () => {
        const { prefix } = names;
        expect(streamsOf(await store.readAll({ ...sinceStart(), filter: { streamPrefixes: [prefix('order')] } }))).toEqual([
          'order-1:OrderPlaced',
          'order-1:OrderAccepted',
          'order-2:OrderPlaced',
        ]);
        expect(
          streamsOf(await store.readAll({ ...sinceStart(), filter: { streamPrefixes: [prefix('ticket'), prefix('meter')] } })),
        ).toEqual(['ticket-1:TicketOpened', 'meter-1:MeterRegistered', 'meter-1:OrderPlaced']);
      });

      it('filters by event types (any of them)', async () => {
        const eventTypes = [names.type('OrderAccepted'), names.type('TicketOpened')];
        expect(streamsOf(await store.readAll({ ...sinceStart(), filter: { eventTypes } }))).toEqual([
          'order-1:OrderAccepted',
          'ticket-1:TicketOpened',
        ]);
      });

      it('combines prefixes and types with AND, in both directions', async () => {
        const { prefix, type } = names;
        const filter = { streamPrefixes: [prefix('order'), prefix('meter')], eventTypes: [type('OrderPlaced')] };
        expect(streamsOf(await store.readAll({ ...sinceStart(), filter }))).toEqual([
          'order-1:OrderPlaced',
          'order-2:OrderPlaced',
          'meter-1:OrderPlaced',
        ]);
        expect(streamsOf(await store.readAll({ filter, direction: 'backwards', maxCount: 2 }))).toEqual([
          'meter-1:OrderPlaced',
          'order-2:OrderPlaced',
        ]);
        expect(streamsOf(await store.readAll({ filter, after: at(0), maxCount: 1 }))).toEqual(['order-2:OrderPlaced']);
      });
    });

    describe('subscribeToAll', () => {
      let probes: SubscriptionProbe[];

      const subscribe = (...args: Parameters<EventStore['subscribeToAll']>) => {
        const probe = new SubscriptionProbe(store.subscribeToAll(...args));
        probes.push(probe);
        return probe;
      };

      beforeEach(() => {
        probes = [];
      });

      afterEach(async () => {
        await Promise.all(probes.map((probe) => probe.subscription.close()));
      });

      it('delivers the history, then events appended after subscribing', async () => {
        const streamId = stream('ticket');
        await store.appendToStream(streamId, newEvents(3), 'no_stream');
        const probe = subscribe(sinceStart());

        const history = await probe.take(3);
        expect(revisionsOf(history)).toEqual([0, 1, 2]);
        expect(history.every((event) => event.streamId === streamId)).toBe(true);

        probe.startWaiting();
        await store.appendToStream(streamId, newEvents(2), 2);
        await store.appendToStream(stream('ticket'), newEvents(1), 'no_stream');
        const live = await probe.take(3);
        expect(positionsOf([...history, ...live])).toEqual(positionsOf(await store.readAll(sinceStart())));
      });

      it('starts caught up (on an empty store, when fresh) and delivers live events', async () => {
        const probe = subscribe(sinceStart());
        probe.startWaiting();
        const result = await store.appendToStream(stream('ticket'), newEvents(1), 'no_stream');
        expect(positionsOf(await probe.take(1))).toEqual([result.position]);
      });

      it('resumes after a checkpoint without skipping or repeating', async () => {
        const streamId = stream('ticket');
        await store.appendToStream(streamId, newEvents(5), 'no_stream');
        const all = await store.readAll(sinceStart());
        expect(all).toHaveLength(5);
        const checkpoint = (all[1] as RecordedEvent).position;

        const probe = subscribe({ after: checkpoint });
        expect(positionsOf(await probe.take(3))).toEqual(positionsOf(all.slice(2)));
        await store.appendToStream(streamId, newEvents(1), 4);
        const [live] = await probe.take(1);
        expect(live).toMatchObject({ streamId, revision: 5 });
      });

      it('delivers batches of at most batchSize, in order', async () => {
        const streamId = stream('ticket');
        await store.appendToStream(streamId, newEvents(7), 'no_stream');
        const probe = subscribe({ ...sinceStart(), batchSize: 3 });
        const events = await probe.take(7);
        expectStrictlyIncreasing(positionsOf(events));
        expect(revisionsOf(events)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(events.every((event) => event.streamId === streamId)).toBe(true);
        expect(probe.batches.every((batch) => batch.length > 0 && batch.length <= 3)).toBe(true);
      });

      it('delivers only events matching the filter, in history and live', async () => {
        const { type } = names;
        await appendTyped(stream('order', '1'), ['OrderPlaced', 'OrderAccepted']);
        await appendTyped(stream('ticket', '1'), ['OrderPlaced']);
        const probe = subscribe({
          ...sinceStart(),
          filter: { streamPrefixes: [names.prefix('order')], eventTypes: [type('OrderPlaced')] },
        });

        const [historical] = await probe.take(1);
        expect(historical).toMatchObject({ streamId: stream('order', '1'), type: type('OrderPlaced') });

        probe.startWaiting();
        await appendTyped(stream('ticket', '2'), ['OrderPlaced']);
        await appendTyped(stream('order', '1'), ['OrderCancelled'], 1);
        await appendTyped(stream('order', '2'), ['OrderPlaced']);
        const [live] = await probe.take(1);
        expect(live).toMatchObject({ streamId: stream('order', '2'), type: type('OrderPlaced') });
      });

      it('reports through position how far it has read, batch by batch', async () => {
        const written = await store.appendToStream(stream('ticket'), newEvents(5), 'no_stream');
        const subscription = store.subscribeToAll({ ...sinceStart(), batchSize: 2 });
        expect(subscription.position).toBe(start);
        const seen: number[] = [];
        for await (const batch of subscription) {
          expect(subscription.position).toBe(batch.at(-1)?.position);
          seen.push(...positionsOf(batch));
          if (seen.length === 5) await subscription.close();
        }
        expect(subscription.position).toBe(written.position);
        expect(subscription.position).toBe(await store.headPosition());
      });

      it('with reportSkipped, yields an empty batch for events the filter passes over, and moves position past them', async () => {
        const skipped = await store.appendToStream(stream('ticket', '1'), newEvents(3), 'no_stream');
        const subscription = store.subscribeToAll({
          ...sinceStart(),
          filter: { streamPrefixes: [names.prefix('order')] },
          reportSkipped: true,
        });
        probes.push(new SubscriptionProbe(subscription)); // only so that afterEach closes it
        const iterator = subscription[Symbol.asyncIterator]();
        const first = await iterator.next();
        expect(first.value).toEqual([]);
        expect(subscription.position).toBe(skipped.position);

        const placed = await appendTyped(stream('order', '1'), ['OrderPlaced']);
        const second = await iterator.next();
        expect(positionsOf(second.value as RecordedEvent[])).toEqual([placed.position]);
        expect(subscription.position).toBe(placed.position);

        const ignored = await store.appendToStream(stream('ticket', '2'), newEvents(2), 'no_stream');
        const third = await iterator.next();
        expect(third.value).toEqual([]);
        expect(subscription.position).toBe(ignored.position);
        await iterator.return?.();
      });

      it('without reportSkipped, yields no empty batches but still moves position past skipped events', async () => {
        await store.appendToStream(stream('ticket', '1'), newEvents(3), 'no_stream');
        const placed = await appendTyped(stream('order', '1'), ['OrderPlaced']);
        const skipped = await store.appendToStream(stream('ticket', '2'), newEvents(2), 'no_stream');
        const probe = subscribe({ ...sinceStart(), filter: { streamPrefixes: [names.prefix('order')] } });

        expect(positionsOf(await probe.take(1))).toEqual([placed.position]);
        probe.startWaiting();
        const next = await appendTyped(stream('order', '2'), ['OrderPlaced']);
        expect(positionsOf(await probe.take(1))).toEqual([next.position]);
        expect(probe.batches.every((batch) => batch.length > 0)).toBe(true);
        expect(next.position).toBeGreaterThan(skipped.position);
        expect(probe.subscription.position).toBe(next.position);
      });

      it('ends a pending iteration when closed', async () => {
        await store.appendToStream(stream('ticket'), newEvents(1), 'no_stream');
        const probe = subscribe(sinceStart());
        await probe.take(1);
        probe.startWaiting();
        await probe.subscription.close();
        expect(await probe.ended()).toBe(true);
      });

      it('ends a for-await loop when closed from inside it', async () => {
        await store.appendToStream(stream('ticket'), newEvents(4), 'no_stream');
        const subscription = store.subscribeToAll({ ...sinceStart(), batchSize: 2 });
        const seen: RecordedEvent[] = [];
        for await (const batch of subscription) {
          seen.push(...batch);
          if (seen.length >= 2) await subscription.close();
        }
        expect(seen).toHaveLength(2);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 50 parallel "no_stream" appends to one stream win', async () => {
        const streamId = stream('serial');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.appendToStream(streamId, [newEvent()], 'no_stream')),
        );
        const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(rejected).toHaveLength(49);
        expect(rejected.every((outcome) => isWrongExpectedRevision(outcome.reason))).toBe(true);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('lets exactly one of 50 parallel appends expecting the same revision win', async () => {
        const streamId = stream('serial');
        await store.appendToStream(streamId, [newEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.appendToStream(streamId, [newEvent()], 0)),
        );
        const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(rejected.every((outcome) => isWrongExpectedRevision(outcome.reason))).toBe(true);
        expect(revisionsOf(await store.readStream(streamId))).toEqual([0, 1]);
      });

      it('accepts 200 parallel appends to different streams, each at its own position', async () => {
        const results = await Promise.all(
          Array.from({ length: 200 }, () => store.appendToStream(stream('load'), newEvents(2), 'no_stream')),
        );
        const positions = results.map((result) => result.position);
        expect(new Set(positions).size).toBe(200);
        const all = await readWritten();
        expect(all).toHaveLength(400);
        expectStrictlyIncreasing(positionsOf(all));
        expect(await store.headPosition()).toBe(Math.max(...positions));
      });
    });
  });
};
