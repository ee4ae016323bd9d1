import type { Checkpoint, DocumentChange, DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import type { Projection } from '../../../src/application/shared/ports/projection.port';
import { ProjectionRunner } from '../../../src/application/shared/projections/projection-runner';
import { ProjectionWorker } from '../../../src/application/shared/projections/projection-worker';
import { DomainError } from '../../../src/domain/shared/domain-error';
import { InMemoryDocumentStore } from '../../../src/infrastructure/memory/in-memory-document-store';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { append, countingProjection, expectedCounts, storedCounts, type CountDocument } from './projection-fixtures';

/** Generous: only reached if the code under test is broken; never asserted as a duration. */
const WAIT_MS = 4_000;
/** A document store that records commits and can be told to fail the next one. */
class ObservedDocumentStore implements DocumentStore {
  readonly commits: Array<{ changes: readonly DocumentChange[]; checkpoint: Checkpoint | undefined }> = [];
  failNextCommit = false;
  constructor(private readonly inner: DocumentStore) {}
  ensureCollection: DocumentStore['ensureCollection'] = (spec) => this.inner.ensureCollection(spec);
  get: DocumentStore['get'] = (collection, id) => this.inner.get(collection, id);
  find: DocumentStore['find'] = (collection, options) => this.inner.find(collection, options);
  commit: DocumentStore['commit'] = async (changes, checkpoint) => {
    if (this.failNextCommit) {
      this.failNextCommit = false;
      throw new Error('commit failed (simulated)');
    }
    this.commits.push({ changes, checkpoint });
    return this.inner.commit(changes, checkpoint);
  };
  getCheckpoint: DocumentStore['getCheckpoint'] = (name) => this.inner.getCheckpoint(name);
  reset: DocumentStore['reset'] = (collections, name) => this.inner.reset(collections, name);
  close: DocumentStore['close'] = () => this.inner.close();
}

describe('ProjectionRunner and ProjectionWorker', () => {
  let events: InMemoryEventStore;
  let documents: InMemoryDocumentStore;
  const runners: ProjectionRunner[] = [];

  /** A started runner with one worker for `projection`; small batches so several batches occur. */
  const startRunner = async (
    projection: Projection = countingProjection(),
    options: { store?: DocumentStore; batchSize?: number; onError?: (error: unknown, name: string) => void } = {},
  ) => {
    const worker = new ProjectionWorker(projection, events, options.store ?? documents, options.batchSize ?? 2, options.onError);
    const runner = new ProjectionRunner([worker]);
    runners.push(runner);
    await runner.start();
    return { runner, worker };
  };

  beforeEach(() => {
    events = new InMemoryEventStore();
    documents = new InMemoryDocumentStore();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await events.close();
    await documents.close();
  });

  it('catches up the history, then follows live appends', async () => {
    await append(events, 'counter-a', 3);
    await append(events, 'other-x', 2);
    await append(events, 'counter-b', 2);
    const { runner } = await startRunner();

    await runner.waitFor(await events.headPosition(), WAIT_MS);
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
    expect(runner.position()).toBe(await events.headPosition());

    await append(events, 'counter-a', 2);
    await append(events, 'counter-c', 1);
    await runner.waitFor(await events.headPosition(), WAIT_MS);

    const counts = await storedCounts(documents);
    expect(counts).toEqual(await expectedCounts(events));
    expect(counts.map((c) => [c.id, c.count])).toEqual([
      ['counter-a', 5],
      ['counter-b', 2],
      ['counter-c', 1],
    ]);
    expect(runner.statuses()).toEqual([
      { name: 'stream-counts-v1', position: await events.headPosition(), running: true, lastError: null },
    ]);
  });

  it('resolves waitFor at once for a position already reached', async () => {
    const { runner } = await startRunner();

    await expect(runner.waitFor(0, WAIT_MS)).resolves.toBeUndefined();
  });

  it('commits each batch’s document changes together with its checkpoint', async () => {
    const observed = new ObservedDocumentStore(documents);
    await append(events, 'counter-a', 3);
    await append(events, 'counter-b', 3);
    const { runner } = await startRunner(countingProjection(), { store: observed });

    await runner.waitFor(await events.headPosition(), WAIT_MS);

    const withChanges = observed.commits.filter((c) => c.changes.length > 0);
    expect(withChanges.length).toBeGreaterThanOrEqual(1);
    // Every commit is fenced on the checkpoint the one before it stored.
    expect(observed.commits.map((c) => c.checkpoint?.previous)).toEqual([
      null,
      ...observed.commits.slice(0, -1).map((c) => c.checkpoint?.position),
    ]);
    for (const { changes, checkpoint } of withChanges) {
      expect(checkpoint).toMatchObject({ name: 'stream-counts-v1', position: expect.any(Number) });
      // The checkpoint covers every event whose effect is in the same commit.
      const applied = changes.flatMap((c) => (c.op === 'put' ? (c.document as CountDocument).positions : []));
      expect(Math.max(...applied)).toBeLessThanOrEqual(checkpoint!.position);
    }
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
  });

  it('after a stop, a new worker on the same stores neither repeats nor skips an event', async () => {
    await append(events, 'counter-a', 3);
    await append(events, 'counter-b', 1);
    const first = await startRunner();
    await first.runner.waitFor(await events.headPosition(), WAIT_MS);
    await first.runner.stop();
    expect(await documents.getCheckpoint('stream-counts-v1')).toBe(await events.headPosition());

    // Written while no worker runs.
    await append(events, 'counter-a', 2);
    await append(events, 'other-x', 1);
    await append(events, 'counter-c', 3);
    const second = await startRunner();
    await second.runner.waitFor(await events.headPosition(), WAIT_MS);

    const counts = await storedCounts(documents);
    expect(counts).toEqual(await expectedCounts(events));
    expect(counts.map((c) => [c.id, c.count])).toEqual([
      ['counter-a', 5],
      ['counter-b', 1],
      ['counter-c', 3],
    ]);
  });

  it('lets waitFor resolve for positions reached only through events its filter ignores', async () => {
    await append(events, 'counter-a', 1);
    const { runner } = await startRunner();
    await runner.waitFor(1, WAIT_MS);

    const head = await append(events, 'other-x', 5, 'Unrelated');
    await runner.waitFor(head, WAIT_MS);

    expect(runner.position()).toBe(head);
    expect(await storedCounts(documents)).toEqual([{ id: 'counter-a', count: 1, positions: [1] }]);
  });

  it('resolves waitFor on a store holding only ignored events, and stores the position on stop', async () => {
    const head = await append(events, 'other-x', 4, 'Unrelated');
    const { runner } = await startRunner();

    await runner.waitFor(head, WAIT_MS);
    await runner.stop();

    expect(await storedCounts(documents)).toEqual([]);
    expect(await documents.getCheckpoint('stream-counts-v1')).toBe(head);
  });

  it('rejects waitFor of a position that never arrives with unavailable read_model.lagging', async () => {
    await append(events, 'counter-a', 2);
    const { runner } = await startRunner();
    await runner.waitFor(2, WAIT_MS);

    const error = await runner.waitFor(99, 50).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'read_model.lagging', details: { requested: 99, reached: 2 } });
  });

  it('gives a wait up with read_model.wait_aborted as soon as its signal aborts, long before the timeout', async () => {
    await append(events, 'counter-a', 2);
    const { runner } = await startRunner();
    await runner.waitFor(2, WAIT_MS);
    const stop = new AbortController();

    const waiting = runner.waitFor(99, 60 * WAIT_MS, stop.signal).then(
      () => null,
      (e: unknown) => e,
    );
    stop.abort();

    expect(await waiting).toMatchObject({ kind: 'unavailable', code: 'read_model.wait_aborted', details: { requested: 99 } });
    // Like fetch: a signal aborted before the call ends the wait at once.
    const late = await runner.waitFor(99, 60 * WAIT_MS, stop.signal).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'read_model.wait_aborted' });
  });

  it('waits for the slowest of several projections', async () => {
    await append(events, 'counter-a', 2);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Projection = {
      ...countingProjection(),
      name: 'slow-counts-v1',
      collections: [{ name: 'slow_counts', indexes: [] }],
      apply: async (_event, view) => {
        await gate;
        view.put('slow_counts', { id: 'all', done: true });
      },
    };
    const runner = new ProjectionRunner([
      new ProjectionWorker(countingProjection(), events, documents, 2),
      new ProjectionWorker(slow, events, documents, 2),
    ]);
    runners.push(runner);
    await runner.start();

    const waiting = runner.waitFor(2, WAIT_MS);
    await expect(runner.waitFor(2, 50)).rejects.toMatchObject({ code: 'read_model.lagging' });
    release();
    await waiting;

    expect(runner.statuses().map((s) => [s.name, s.position])).toEqual([
      ['stream-counts-v1', 2],
      ['slow-counts-v1', 2],
    ]);
    expect(await documents.get('slow_counts', 'all')).toEqual({ id: 'all', done: true });
  });

  it('recovers from an apply that throws once, without applying any event twice', async () => {
    await append(events, 'counter-a', 3);
    await append(events, 'counter-b', 3);
    let thrown = false;
    const onError = jest.fn();
    const flaky = countingProjection({
      beforeApply: (event) => {
        // Fails in the middle of a batch, after the batch's first event was applied to the view.
        if (!thrown && event.position === 4) {
          thrown = true;
          throw new Error('projection bug (simulated)');
        }
      },
    });
    const { runner } = await startRunner(flaky, { onError });

    await runner.waitFor(await events.headPosition(), WAIT_MS);

    expect(thrown).toBe(true);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'projection bug (simulated)' }), 'stream-counts-v1');
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));

    // And it keeps following after the recovery.
    await append(events, 'counter-b', 1);
    await runner.waitFor(await events.headPosition(), WAIT_MS);
    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
  });

  it('recovers from a failed commit: the batch is applied again, once', async () => {
    const observed = new ObservedDocumentStore(documents);
    await append(events, 'counter-a', 2);
    const { runner } = await startRunner(countingProjection(), { store: observed });
    await runner.waitFor(2, WAIT_MS);

    observed.failNextCommit = true;
    await append(events, 'counter-a', 2);
    await runner.waitFor(await events.headPosition(), WAIT_MS);

    expect(observed.failNextCommit).toBe(false);
    expect(await storedCounts(documents)).toEqual([{ id: 'counter-a', count: 4, positions: [1, 2, 3, 4] }]);
  });

  it('rebuilds identical documents with reset() and catchUp(head)', async () => {
    await append(events, 'counter-a', 4);
    await append(events, 'other-x', 3);
    await append(events, 'counter-b', 5);
    await append(events, 'counter-a', 1);
    const { runner } = await startRunner();
    const head = await events.headPosition();
    await runner.waitFor(head, WAIT_MS);
    await runner.stop();
    const before = await storedCounts(documents);

    const rebuilder = new ProjectionWorker(countingProjection(), events, documents, 3);
    await rebuilder.prepare();
    await rebuilder.reset();
    expect(await storedCounts(documents)).toEqual([]);
    expect(await documents.getCheckpoint('stream-counts-v1')).toBeNull();
    const progress: number[] = [];
    await rebuilder.catchUp(head, (position) => progress.push(position));

    expect(await storedCounts(documents)).toEqual(before);
    expect(before).toEqual(await expectedCounts(events));
    expect(await documents.getCheckpoint('stream-counts-v1')).toBe(head);
    expect(rebuilder.position).toBe(head);
    expect(progress.at(-1)).toBe(head);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('catchUp(head) on a fresh store builds what a running worker builds', async () => {
    await append(events, 'counter-a', 2);
    await append(events, 'counter-b', 2);
    const head = await events.headPosition();

    const worker = new ProjectionWorker(countingProjection(), events, documents, 1_000);
    await worker.prepare();
    await worker.catchUp(head);

    expect(await storedCounts(documents)).toEqual(await expectedCounts(events));
    expect(await documents.getCheckpoint('stream-counts-v1')).toBe(head);
  });
});
