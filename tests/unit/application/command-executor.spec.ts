import { CommandExecutor } from '../../../src/application/shared/command-executor';
import { EventMetadataFactory, EVENT_SCHEMA_VERSION } from '../../../src/application/shared/event-metadata.factory';
import type { EventStore, ExpectedRevision } from '../../../src/application/shared/ports/event-store.port';
import { wrongExpectedRevision } from '../../../src/application/shared/ports/wrong-expected-revision';
import { DomainError } from '../../../src/domain/shared/domain-error';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import {
  ACTOR,
  context,
  CounterDecider,
  FIXED_NOW,
  fixedClock,
  increment,
  sequentialIds,
  type CounterCommand,
  type CounterEvent,
  type CounterState,
  caught,
} from './fixtures';

/** Records every expected revision the executor appends with, and passes the call on. */
class RecordingEventStore implements EventStore {
  readonly appends: Array<{ streamId: string; expected: ExpectedRevision; count: number }> = [];
  constructor(private readonly inner: EventStore) {}
  appendToStream: EventStore['appendToStream'] = (streamId, events, expected) => {
    this.appends.push({ streamId, expected, count: events.length });
    return this.inner.appendToStream(streamId, events, expected);
  };
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  subscribeToAll: EventStore['subscribeToAll'] = (...args) => this.inner.subscribeToAll(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

/** A store on which every append loses a race: it always answers the port's wrong-expected-revision error. */
class AlwaysConflictingEventStore extends RecordingEventStore {
  override appendToStream: EventStore['appendToStream'] = (streamId, events, expected) => {
    this.appends.push({ streamId, expected, count: events.length });
    return Promise.reject(wrongExpectedRevision(streamId, expected, 0));
  };
}

describe('CommandExecutor', () => {
  let inner: InMemoryEventStore;
  let store: RecordingEventStore;
  let executor: CommandExecutor;

  const run = (
    command: CounterCommand | ((state: CounterState) => CounterCommand),
    options: { streamId?: string; ctx?: Parameters<typeof context>[0]; operation?: string; on?: CommandExecutor } = {},
  ) =>
    (options.on ?? executor).execute<CounterCommand, CounterEvent, CounterState>({
      operation: options.operation ?? 'increment-counter',
      decider: CounterDecider,
      streamId: options.streamId ?? 'counter-1',
      command,
      context: context(options.ctx),
    });

  beforeEach(() => {
    inner = new InMemoryEventStore();
    store = new RecordingEventStore(inner);
    executor = new CommandExecutor(store, new EventMetadataFactory(fixedClock(), sequentialIds()));
  });

  afterEach(() => inner.close());

  describe('a decided change', () => {
    it('appends to a new stream expecting no stream, and answers position, revision and state', async () => {
      const result = await run(increment(3));

      expect(store.appends).toEqual([{ streamId: 'counter-1', expected: 'no_stream', count: 1 }]);
      expect(result).toEqual({
        streamId: 'counter-1',
        events: [{ type: 'Incremented', data: { by: 3 } }],
        state: { count: 3 },
        revision: 0,
        position: 1,
        replayed: false,
      });
      const stored = await inner.readStream('counter-1');
      expect(stored.map((e) => ({ type: e.type, data: e.data, revision: e.revision, position: e.position }))).toEqual([
        { type: 'Incremented', data: { by: 3 }, revision: 0, position: 1 },
      ]);
    });

    it('appends to an existing stream expecting its last revision, and folds the whole stream into the state', async () => {
      await run(increment(1));
      await run(increment(2), { streamId: 'counter-2' });
      await run(increment(4));
      store.appends.length = 0;

      const result = await run(increment(10));

      expect(store.appends).toEqual([{ streamId: 'counter-1', expected: 1, count: 1 }]);
      expect(result).toMatchObject({ state: { count: 15 }, revision: 2, position: 4, replayed: false });
      expect(await inner.headPosition()).toBe(4);
    });

    it('builds the command from the current state when given a function', async () => {
      await run(increment(5));

      const result = await run((state) => increment(state.count * 2));

      expect(result.events).toEqual([{ type: 'Incremented', data: { by: 10 } }]);
      expect(result.state).toEqual({ count: 15 });
    });
  });

  describe('a refused command', () => {
    it('propagates the decider error and writes nothing', async () => {
      await run(increment(1));
      const headBefore = await inner.headPosition();
      store.appends.length = 0;

      const error = await caught(run({ type: 'Fail', data: { reason: 'not today' } }));

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'invalid', code: 'counter.refused', message: 'not today' });
      expect(store.appends).toEqual([]);
      expect(await inner.headPosition()).toBe(headBefore);
      expect(await inner.readStream('counter-1')).toHaveLength(1);
    });
  });

  describe('a no-op decision', () => {
    it('writes nothing and answers the stream’s last position and revision', async () => {
      await run(increment(1));
      await run(increment(1), { streamId: 'counter-2' });
      await run(increment(1));
      store.appends.length = 0;

      const result = await run({ type: 'Noop', data: {} });

      expect(store.appends).toEqual([]);
      expect(result).toEqual({
        streamId: 'counter-1',
        events: [],
        state: { count: 2 },
        revision: 1,
        position: 3,
        replayed: false,
      });
      expect(await inner.headPosition()).toBe(3);
    });

    it('on a stream that does not exist answers revision -1 and writes nothing', async () => {
      const result = await run({ type: 'Noop', data: {} }, { streamId: 'counter-absent' });

      expect(result).toMatchObject({ events: [], state: { count: 0 }, revision: -1, replayed: false });
      expect(store.appends).toEqual([]);
      expect(await inner.headPosition()).toBe(0);
    });
  });

  describe('concurrent writers on one stream', () => {
    it('lets 20 parallel increments all succeed, each re-deciding on the state it appends after', async () => {
      const writers = 20;
      // Every parallel writer may lose to all the others once each, so allow that many attempts.
      const patient = new CommandExecutor(store, new EventMetadataFactory(fixedClock(), sequentialIds()), writers);

      const results = await Promise.all(Array.from({ length: writers }, (_, i) => run(increment(i + 1), { on: patient })));

      const stored = await inner.readStream('counter-1');
      expect(stored).toHaveLength(writers);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: writers }, (_, i) => i));
      const total = (writers * (writers + 1)) / 2;
      expect(stored.reduce((sum, e) => sum + (e.data as { by: number }).by, 0)).toBe(total);
      // Each writer's answer is its own append: distinct revisions and positions, states consistent with them.
      expect(new Set(results.map((r) => r.revision)).size).toBe(writers);
      expect(new Set(results.map((r) => r.position)).size).toBe(writers);
      for (const result of results) {
        const upTo = stored.slice(0, result.revision + 1).reduce((sum, e) => sum + (e.data as { by: number }).by, 0);
        expect(result.state).toEqual({ count: upTo });
        expect(stored[result.revision]!.position).toBe(result.position);
      }
    });

    /*
     * Writers that lose a race back off for a random, growing moment, so a burst on one stream all lands.
     */
    it('with its default settings, lets 20 parallel increments all succeed', async () => {
      const byDefault = new CommandExecutor(store, new EventMetadataFactory(fixedClock(), sequentialIds()));

      const results = await Promise.allSettled(Array.from({ length: 20 }, () => run(increment(1), { on: byDefault })));

      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await inner.readStream('counter-1')).toHaveLength(20);
    });

    it('gives up after its bounded attempts with a conflict command.concurrency_conflict', async () => {
      const conflicting = new AlwaysConflictingEventStore(inner);
      const bounded = new CommandExecutor(conflicting, new EventMetadataFactory(fixedClock(), sequentialIds()), 3);

      const error = await caught(run(increment(1), { on: bounded, streamId: 'counter-hot' }));

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        kind: 'conflict',
        code: 'command.concurrency_conflict',
        details: { streamId: 'counter-hot', attempts: 3 },
      });
      expect(conflicting.appends).toHaveLength(3);
      expect(await inner.headPosition()).toBe(0);
    });

    it('gives up with the default bound too, after a small number of attempts', async () => {
      const conflicting = new AlwaysConflictingEventStore(inner);
      const byDefault = new CommandExecutor(conflicting, new EventMetadataFactory(fixedClock(), sequentialIds()));

      const error = await caught(run(increment(1), { on: byDefault }));

      expect(error).toMatchObject({ kind: 'conflict', code: 'command.concurrency_conflict' });
      const attempts = (error as DomainError).details['attempts'];
      expect(conflicting.appends).toHaveLength(attempts as number);
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(attempts).toBeLessThanOrEqual(20);
    });

    it('does not retry other errors of the store', async () => {
      const failing = new RecordingEventStore(inner);
      failing.appendToStream = () => Promise.reject(new Error('disk full'));
      const plain = new CommandExecutor(failing, new EventMetadataFactory(fixedClock(), sequentialIds()));

      await expect(run(increment(1), { on: plain })).rejects.toThrow('disk full');
    });
  });

  describe('with an idempotency key', () => {
    it('replays the first execution: same events and position, replayed: true, nothing appended', async () => {
      const first = await run(increment(4), { ctx: { idempotencyKey: 'key-1' } });
      await run(increment(1), { streamId: 'counter-2' });
      const headBefore = await inner.headPosition();
      store.appends.length = 0;

      const second = await run(increment(4), { ctx: { idempotencyKey: 'key-1' } });

      expect(first.replayed).toBe(false);
      expect(second.replayed).toBe(true);
      expect(second.events).toEqual(first.events);
      expect(second.position).toBe(first.position);
      expect(second.state).toEqual({ count: 4 });
      expect(store.appends).toEqual([]);
      expect(await inner.headPosition()).toBe(headBefore);
      expect(await inner.readStream('counter-1')).toHaveLength(1);
    });

    it('replays even after other writes to the same stream', async () => {
      const first = await run(increment(4), { ctx: { idempotencyKey: 'key-1' } });
      await run(increment(6));

      const again = await run(increment(4), { ctx: { idempotencyKey: 'key-1' } });

      expect(again).toMatchObject({ replayed: true, events: first.events, position: first.position });
      expect(await inner.readStream('counter-1')).toHaveLength(2);
    });

    it('executes again for another key, another actor or another operation', async () => {
      await run(increment(1), { ctx: { idempotencyKey: 'key-1' } });

      const otherKey = await run(increment(1), { ctx: { idempotencyKey: 'key-2' } });
      const otherActor = await run(increment(1), {
        ctx: { idempotencyKey: 'key-1', actor: { ...ACTOR, userId: 'user-8' } },
      });
      const otherOperation = await run(increment(1), { ctx: { idempotencyKey: 'key-1' }, operation: 'bump-counter' });

      expect([otherKey.replayed, otherActor.replayed, otherOperation.replayed]).toEqual([false, false, false]);
      expect(await inner.readStream('counter-1')).toHaveLength(4);
    });

    it('replays parallel repeats of the same key as one write', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => run(increment(2), { ctx: { idempotencyKey: 'key-parallel' } })),
      );

      expect(await inner.readStream('counter-1')).toHaveLength(1);
      expect(new Set(results.map((r) => r.position))).toEqual(new Set([1]));
      expect(results.every((r) => r.events.length === 1)).toBe(true);
    });
  });

  describe('event metadata', () => {
    it('carries correlation, causation, actor, client, the clock’s time and the schema version', async () => {
      await run(increment(1));

      const [event] = await inner.readAll();

      expect(event!.metadata).toEqual({
        eventId: 'id-1',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actorId: 'user-7',
        actorRole: 'admin',
        tenantId: 'tenant-3',
        clientIp: '203.0.113.9',
        userAgent: 'jest/1.0',
        occurredAt: FIXED_NOW.toISOString(),
        schemaVersion: EVENT_SCHEMA_VERSION,
      });
    });

    it('stores nulls for a context without actor or client', async () => {
      await run(increment(1), { ctx: { actor: null, causationId: null, clientIp: null, userAgent: null } });

      const [event] = await inner.readAll();

      expect(event!.metadata).toMatchObject({
        causationId: null,
        actorId: null,
        actorRole: null,
        tenantId: null,
        clientIp: null,
        userAgent: null,
      });
    });

    it('gives events written under an idempotency key ids derived from it, not from the id generator', async () => {
      await run(increment(1), { ctx: { idempotencyKey: 'key-1' } });
      await run(increment(1), { streamId: 'counter-2', ctx: { idempotencyKey: 'key-1' } });

      const events = await inner.readAll();

      expect(events.map((e) => e.metadata.eventId)).not.toContain('id-1');
      expect(new Set(events.map((e) => e.metadata.eventId)).size).toBe(2);
      for (const e of events) expect(e.metadata.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
  });
});
