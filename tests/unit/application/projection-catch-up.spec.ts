import type {
  Checkpoint,
  CommitOptions,
  DocumentChange,
  DocumentStore,
} from '../../../src/application/shared/ports/document-store.port';
import type { Projection } from '../../../src/application/shared/ports/projection.port';
import { ProjectionWorker } from '../../../src/application/shared/projections/projection-worker';
import { InMemoryDocumentStore } from '../../../src/infrastructure/memory/in-memory-document-store';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { rawEvent } from './fixtures';

const TOTALS = 'stream_totals';

interface TotalDocument {
  readonly id: string;
  readonly total: number;
  readonly positions: number[];
  [field: string]: unknown;
}

/** Sums `data.by` per `counter-` stream: every event reads the document the one before wrote. */
const totalsProjection: Projection = {
  name: 'stream-totals-v1',
  collections: [{ name: TOTALS, indexes: [] }],
  filter: { streamPrefixes: ['counter-'] },
  apply: async (event, view) => {
    const doc = await view.get<TotalDocument>(TOTALS, event.streamId);
    const by = (event.data as { by: number }).by;
    view.put(TOTALS, { id: event.streamId, total: (doc?.total ?? 0) + by, positions: [...(doc?.positions ?? []), event.position] });
  },
};

/** Commits land only some turns after they are made, as on a writer thread; records what was asked. */
class SlowCommitStore implements DocumentStore {
  readonly commits: Array<{ checkpoint: Checkpoint | undefined; options: CommitOptions | undefined }> = [];
  inFlight = 0;
  mostInFlight = 0;
  readsWhileCommitting = 0;
  failCommitNumber: number | null = null;

  constructor(private readonly inner: DocumentStore) {}

  ensureCollection: DocumentStore['ensureCollection'] = (spec) => this.inner.ensureCollection(spec);
  get: DocumentStore['get'] = (collection, id) => {
    if (this.inFlight > 0) this.readsWhileCommitting += 1;
    return this.inner.get(collection, id);
  };
  find: DocumentStore['find'] = (collection, options) => this.inner.find(collection, options);
  getCheckpoint: DocumentStore['getCheckpoint'] = (name) => this.inner.getCheckpoint(name);
  reset: DocumentStore['reset'] = (collections, name) => this.inner.reset(collections, name);
  close: DocumentStore['close'] = () => this.inner.close();

  async commit(changes: readonly DocumentChange[], checkpoint?: Checkpoint, options?: CommitOptions): Promise<void> {
    this.commits.push({ checkpoint, options });
    const number = this.commits.length;
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    try {
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (number === this.failCommitNumber) throw new Error('commit failed (simulated)');
      await this.inner.commit(changes, checkpoint);
    } finally {
      this.inFlight -= 1;
    }
  }
}

describe('ProjectionWorker.catchUp, pipelined', () => {
  let events: InMemoryEventStore;
  let documents: InMemoryDocumentStore;

  beforeEach(async () => {
    events = new InMemoryEventStore();
    documents = new InMemoryDocumentStore();
    for (let i = 1; i <= 30; i++) {
      const streamId = i % 7 === 0 ? 'other-x' : `counter-${'abc'[i % 3]}`;
      await events.appendToStream(streamId, [rawEvent('Added', { by: i })], 'any');
    }
  });

  afterEach(async () => {
    await events.close();
    await documents.close();
  });

  const expectedTotals = async () => {
    const totals = new Map<string, TotalDocument>();
    for (const event of await events.readAll({ filter: { streamPrefixes: ['counter-'] } })) {
      const doc = totals.get(event.streamId);
      const by = (event.data as { by: number }).by;
      totals.set(event.streamId, { id: event.streamId, total: (doc?.total ?? 0) + by, positions: [...(doc?.positions ?? []), event.position] });
    }
    return [...totals.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  };

  it('applies each batch while the commit of the one before is in flight, seeing that batch’s writes', async () => {
    const slow = new SlowCommitStore(documents);
    const worker = new ProjectionWorker(totalsProjection, events, slow, 2);
    await worker.prepare();
    const head = await events.headPosition();

    await worker.catchUp(head);

    // Reads went on while a commit was in flight, and the totals are right: those reads saw the pending writes.
    expect(slow.readsWhileCommitting).toBeGreaterThan(0);
    expect(slow.mostInFlight).toBe(1);
    expect((await documents.find<TotalDocument>(TOTALS)).items).toEqual(await expectedTotals());
    expect(await documents.getCheckpoint('stream-totals-v1')).toBe(head);
    expect(worker.position).toBe(head);
    const positions = slow.commits.map((c) => c.checkpoint?.position ?? 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(slow.commits.filter((c) => c.checkpoint?.position !== head).every((c) => c.options?.bulk === true)).toBe(true);
  });

  it('stops at a failed commit, with no later batch committed past it, and a new catch-up completes from the checkpoint', async () => {
    const slow = new SlowCommitStore(documents);
    slow.failCommitNumber = 2;
    const failing = new ProjectionWorker(totalsProjection, events, slow, 2);
    await failing.prepare();
    const head = await events.headPosition();

    await expect(failing.catchUp(head)).rejects.toThrow('commit failed (simulated)');
    while (slow.inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
    expect(slow.commits).toHaveLength(2);
    expect(await documents.getCheckpoint('stream-totals-v1')).toBe(slow.commits[0]?.checkpoint?.position);

    const retry = new ProjectionWorker(totalsProjection, events, documents, 2);
    await retry.prepare();
    await retry.catchUp(head);
    expect((await documents.find<TotalDocument>(TOTALS)).items).toEqual(await expectedTotals());
  });
});
