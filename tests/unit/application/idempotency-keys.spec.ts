import { CommandExecutor } from '../../../src/application/shared/command-executor';
import { EventMetadataFactory } from '../../../src/application/shared/event-metadata.factory';
import { IdempotencyKeys } from '../../../src/application/shared/idempotency-keys';
import { UniqueKeys } from '../../../src/application/shared/unique-keys';
import { DomainError } from '../../../src/domain/shared/domain-error';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { ACTOR, context, CounterDecider, fixedClock, increment, sequentialIds, caught } from './fixtures';

describe('IdempotencyKeys', () => {
  let store: InMemoryEventStore;
  let executor: CommandExecutor;
  let keys: IdempotencyKeys;

  beforeEach(() => {
    store = new InMemoryEventStore();
    const clock = fixedClock();
    executor = new CommandExecutor(store, new EventMetadataFactory(clock, sequentialIds()));
    keys = new IdempotencyKeys(new UniqueKeys(executor, store, clock));
  });

  afterEach(() => store.close());

  it('returns the context unchanged, and writes nothing, when the request carries no key', async () => {
    const ctx = context({ idempotencyKey: null });

    const bound = await keys.bind(ctx, 'register-model', { sku: 'A-1' });

    expect(bound).toBe(ctx);
    expect(await store.headPosition()).toBe(0);
  });

  it('treats an empty key like no key', async () => {
    const ctx = context({ idempotencyKey: '' });

    expect(await keys.bind(ctx, 'register-model', { sku: 'A-1' })).toBe(ctx);
  });

  it('accepts the same key with the same request twice, deriving the same key both times', async () => {
    const ctx = context({ idempotencyKey: 'key-1' });

    const first = await keys.bind(ctx, 'register-model', { sku: 'A-1', name: 'Alpha' });
    const second = await keys.bind(ctx, 'register-model', { sku: 'A-1', name: 'Alpha' });

    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(first.idempotencyKey).not.toBeNull();
    expect(first.idempotencyKey).not.toBe('key-1');
    // Everything but the key is kept.
    expect({ ...first, idempotencyKey: null }).toEqual({ ...ctx, idempotencyKey: null });
  });

  it('derives different keys for different requests under different client keys', async () => {
    const a = await keys.bind(context({ idempotencyKey: 'key-a' }), 'register-model', { sku: 'A-1' });
    const b = await keys.bind(context({ idempotencyKey: 'key-b' }), 'register-model', { sku: 'B-1' });

    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
  });

  it('refuses the same key with a different request: invalid idempotency.key_reused', async () => {
    await keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { sku: 'A-1' });

    const error = await caught(keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { sku: 'B-2' }));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'idempotency.key_reused', details: { idempotencyKey: 'key-1' } });
  });

  it('refuses the same key for the same input to another operation', async () => {
    await keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { id: 'x' });

    await expect(keys.bind(context({ idempotencyKey: 'key-1' }), 'retire-model', { id: 'x' })).rejects.toMatchObject({
      code: 'idempotency.key_reused',
    });
  });

  it('still accepts the original request after a refused reuse', async () => {
    const first = await keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { sku: 'A-1' });
    await expect(keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { sku: 'B-2' })).rejects.toThrow(DomainError);

    const again = await keys.bind(context({ idempotencyKey: 'key-1' }), 'register-model', { sku: 'A-1' });

    expect(again.idempotencyKey).toBe(first.idempotencyKey);
  });

  it('scopes keys per actor: another actor may use the same key for a different request', async () => {
    const mine = await keys.bind(context({ idempotencyKey: 'shared-key' }), 'register-model', { sku: 'A-1' });

    const theirs = await keys.bind(
      context({ idempotencyKey: 'shared-key', actor: { ...ACTOR, userId: 'user-other' } }),
      'register-model',
      { sku: 'Z-9' },
    );

    expect(theirs.idempotencyKey).not.toBe(mine.idempotencyKey);
    // And each actor's own binding still holds.
    await expect(keys.bind(context({ idempotencyKey: 'shared-key' }), 'register-model', { sku: 'Z-9' })).rejects.toMatchObject({
      code: 'idempotency.key_reused',
    });
  });

  it('lets exactly one of many parallel different requests under one key bind it', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => keys.bind(context({ idempotencyKey: 'race-key' }), 'register-model', { sku: `R-${i}` })),
    );

    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect(loser.reason).toMatchObject({ code: 'idempotency.key_reused' });
  });

  it('makes a command executed under the bound key replay instead of writing twice', async () => {
    const execute = async () => {
      const bound = await keys.bind(context({ idempotencyKey: 'key-1' }), 'increment-counter', { by: 2 });
      return executor.execute({ operation: 'increment-counter', decider: CounterDecider, streamId: 'counter-1', command: increment(2), context: bound });
    };

    const first = await execute();
    const second = await execute();

    expect(first.replayed).toBe(false);
    expect(second).toMatchObject({ replayed: true, position: first.position, events: first.events });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });
});
