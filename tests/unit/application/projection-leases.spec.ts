import { ProjectionRunner } from '../../../src/application/shared/projections/projection-runner';
import { ProjectionWorker } from '../../../src/application/shared/projections/projection-worker';
import { InMemoryDocumentStore } from '../../../src/infrastructure/memory/in-memory-document-store';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { InMemoryLeaseStore } from '../../../src/infrastructure/memory/in-memory-lease-store';
import { append, countingProjection, expectedCounts, storedCounts } from './projection-fixtures';

/** Generous: only reached if the code under test is broken; never asserted as a duration. */
const WAIT_MS = 4_000;

/** Instances of the service sharing one event store, one read-model store and one lease store. */
describe('ProjectionRunner with leases (several instances)', () => {
  const events = new InMemoryEventStore();
  const documents = new InMemoryDocumentStore();
  const leases = new InMemoryLeaseStore();
  const instances: { runner: ProjectionRunner; worker: ProjectionWorker }[] = [];
  const changes: string[] = [];

  const instance = (holder: string, ttlMs = 60_000) => {
    const worker = new ProjectionWorker(countingProjection(), events, documents, 2);
    const runner = new ProjectionRunner([worker], {
      leases: { store: leases, holder, ttlMs, renewEveryMs: 20, onChange: (name, held) => changes.push(`${holder} ${held ? 'took' : 'left'} ${name}`) },
    });
    instances.push({ runner, worker });
    return { runner, worker };
  };

  /** Resolves once `condition` holds, checking as the runners renew (bounded). */
  const eventually = async (condition: () => boolean | Promise<boolean>) => {
    const until = Date.now() + WAIT_MS;
    while (!(await condition())) {
      if (Date.now() > until) throw new Error('condition not reached');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  afterAll(async () => {
    for (const { runner } of instances) await runner.stop();
  });

  it('runs each projection on exactly one instance, and the others still wait for their writes', async () => {
    await append(events, 'counter-a', 3);
    const a = instance('node-a');
    const b = instance('node-b');
    await a.runner.start();
    await b.runner.start();
    expect([a.worker.running, b.worker.running]).toEqual([true, false]);

    const head = await append(events, 'counter-b', 2);
    // node-b runs nothing, yet its read-your-writes wait ends once node-a has stored the position.
    await b.runner.waitFor(head, WAIT_MS);
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
  });

  it('hands a released projection to the other instance, which continues without a gap or a repeat', async () => {
    const [a, b] = instances;
    await a!.runner.stop();
    const head = await append(events, 'counter-c', 3);
    await eventually(() => b!.worker.running);
    await b!.runner.waitFor(head, WAIT_MS);

    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
    expect(changes).toEqual(['node-a took projection:stream-counts-v1', 'node-a left projection:stream-counts-v1', 'node-b took projection:stream-counts-v1']);
    expect((await leases.list()).map((lease) => [lease.holder, lease.generation])).toEqual([['node-b', 2]]);
  });

  it('takes over a lease whose holder stopped renewing once it expires', async () => {
    const c = instance('node-c', 60_000);
    await c.runner.start();
    expect(c.worker.running).toBe(false);
    // node-b freezes: its lease is left to expire (a short one, taken here on its behalf).
    await instances[1]!.runner.stop();
    await leases.acquire('projection:stream-counts-v1', 'node-b', 1);
    const head = await append(events, 'counter-d', 2);

    await eventually(() => c.worker.running);
    await c.runner.waitFor(head, WAIT_MS);
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
  });

  it('fences a worker that runs on after losing its lease: its stale commit changes nothing', async () => {
    const stale = new ProjectionWorker(countingProjection(), events, documents, 2);
    await stale.prepare();
    // Meanwhile the lease holder moves the checkpoint on.
    const head = await append(events, 'counter-e', 2);
    await instances[2]!.runner.waitFor(head, WAIT_MS);
    const before = await storedCounts(documents);

    await expect(stale.catchUp(head)).rejects.toMatchObject({ code: 'document_store.checkpoint_moved' });
    expect(await storedCounts(documents)).toEqual(before);
    expect(before).toEqual(await expectedCounts(events));
  });
});
