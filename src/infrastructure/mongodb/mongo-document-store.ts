import { MongoServerError, type ClientSession, type Collection, type Db, type MongoClient, type TransactionOptions } from 'mongodb';
import type {
  Checkpoint,
  CollectionSpec,
  Document,
  DocumentChange,
  DocumentStore,
  FindOptions,
  FindResult,
} from '../../application/shared/ports/document-store.port';
import { assertCollectionName } from '../store-kit/document-naming';
import { checkedCount, checkpointAllowsCommit, storeClosed } from '../store-kit/store-errors';
import { indexDescriptions, readModelCollection } from './mongo-collection-indexes';
import { pagePipeline, totalShownByPage } from './mongo-document-pipeline';
import { documentQuery } from './mongo-document-query';
import { writeRuns, type StoredDocument, type WriteRun } from './mongo-document-writes';
import { asUniqueViolation, withMongoErrors } from './mongo-errors';

interface CheckpointRecord {
  _id: string;
  position: number;
}

const NAMESPACE_EXISTS = 48;
const CHECKPOINTS = 'checkpoints';

/**
 * Reads from a majority-committed snapshot, writes acknowledged by a majority: a commit survives a failover, and a
 * commit that raced another on the same checkpoint document aborts with a write conflict, which
 * `withTransaction` retries from the start.
 */
const TRANSACTION: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

/**
 * Read models in MongoDB: collection `rm_<name>` per read model, `_id` = the document's id, checkpoints in
 * `checkpoints`. Every commit (changes plus checkpoint) is one transaction, so the deployment must be a replica set.
 * The client belongs to whoever connected it; closing the store leaves it open.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly db: Db;
  private readonly checkpoints: Collection<CheckpointRecord>;
  /** MongoDB collections known to exist, so commits create the missing ones outside their transaction, once. */
  private readonly created = new Set<string>();
  /** The last commit or reset, settled or not: the next one starts after it. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly client: MongoClient,
    databaseName: string,
  ) {
    // Majority writes (collections and indexes too) are in every later snapshot read, and survive a failover.
    this.db = client.db(databaseName, { writeConcern: { w: 'majority' } });
    this.checkpoints = this.db.collection<CheckpointRecord>(CHECKPOINTS);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    const indexes = indexDescriptions(spec);
    await withMongoErrors(async () => {
      await this.createMissing([readModelCollection(spec.name)]);
      if (indexes.length > 0) await this.collection(spec.name).createIndexes(indexes);
    }, spec.name);
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    const documents = this.collection(collection);
    const found = await withMongoErrors(() => documents.findOne({ _id: id }, { projection: { _id: 0 } }));
    return found as T | null;
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<FindResult<T>> {
    this.assertOpen();
    const documents = this.collection(collection);
    const window = { offset: checkedCount('offset', options.offset) ?? 0, limit: checkedCount('limit', options.limit) };
    const query = documentQuery(options.filter);
    const pipeline = pagePipeline(query, options.sort ?? [], window);
    // One snapshot: the page and the total describe the same moment.
    return withMongoErrors(() =>
      this.client.withSession({ snapshot: true }, async (session) => {
        const items =
          window.limit === 0 ? [] : await documents.aggregate<T>(pipeline, { session, allowDiskUse: true }).toArray();
        const total = totalShownByPage(window, items.length) ?? (await documents.countDocuments(query, { session }));
        return { items, total };
      }),
    );
  }

  /**
   * Exactly once: the checkpoint is read and, when the one rule (`checkpointAllowsCommit`) lets the commit apply,
   * written first, in the same transaction as the changes; a replay finds its position stored and writes nothing.
   * Commits through one store run in call order. Of two racing commits through different stores (other workers),
   * both write the checkpoint document, so the later aborts with a write conflict and its retry reads the position
   * the other stored.
   */
  async commit(changes: readonly DocumentChange[], checkpoint?: Checkpoint): Promise<void> {
    this.assertOpen();
    const runs = writeRuns(changes);
    await this.inOrder(async () => {
      await this.createMissing([CHECKPOINTS, ...runs.map((run) => readModelCollection(run.collection))]);
      await this.client.withSession((session) =>
        session.withTransaction(async () => {
          if (checkpoint && !(await this.advanceCheckpoint(checkpoint, session))) return;
          for (const run of runs) await this.write(run, session);
        }, TRANSACTION),
      );
    });
  }

  async getCheckpoint(name: string): Promise<number | null> {
    this.assertOpen();
    // Majority, as commits read it: a position not yet safe from a failover is not reported.
    const stored = await withMongoErrors(() => this.checkpoints.findOne({ _id: name }, { readConcern: { level: 'majority' } }));
    return stored?.position ?? null;
  }

  async reset(collections: readonly string[], checkpointName: string): Promise<void> {
    this.assertOpen();
    collections.forEach(assertCollectionName);
    await this.inOrder(async () => {
      await this.createMissing([CHECKPOINTS, ...collections.map(readModelCollection)]);
      await this.client.withSession((session) =>
        session.withTransaction(async () => {
          for (const name of collections) await this.collection(name).deleteMany({}, { session });
          await this.checkpoints.deleteOne({ _id: checkpointName }, { session });
        }, TRANSACTION),
      );
    });
  }

  /** Lets the commits already made finish; leaves the client open. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }

  /**
   * Commits and resets run one at a time, in the order they were made, as the port promises: a commit never
   * overtakes an earlier one (whose checkpoint it would otherwise make look like a replay).
   */
  private inOrder(work: () => Promise<void>): Promise<void> {
    const done = this.queue.then(() => withMongoErrors(work));
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** False when the commit is a replay; throws `checkpoint_moved` when fenced out. */
  private async advanceCheckpoint(checkpoint: Checkpoint, session: ClientSession): Promise<boolean> {
    const stored = await this.checkpoints.findOne({ _id: checkpoint.name }, { session });
    if (!checkpointAllowsCommit(checkpoint, stored?.position ?? null)) return false;
    await this.checkpoints.updateOne(
      { _id: checkpoint.name },
      { $set: { position: checkpoint.position } },
      { upsert: true, session },
    );
    return true;
  }

  /**
   * A duplicate key is translated here, where the collection is known; the rejection still aborts the transaction.
   * Other errors pass unchanged, so `withTransaction` still sees the labels of those it should retry.
   */
  private async write(run: WriteRun, session: ClientSession): Promise<void> {
    try {
      await this.collection(run.collection).bulkWrite(run.operations, { session, ordered: true });
    } catch (error) {
      throw asUniqueViolation(error, run.collection);
    }
  }

  /**
   * Creates collections before a transaction writes to them, once per store, so transactions only write documents:
   * concurrent transactions that would create the same collection (the first commits of two workers) conflict.
   */
  private async createMissing(names: readonly string[]): Promise<void> {
    for (const name of new Set(names)) {
      if (this.created.has(name)) continue;
      try {
        await this.db.createCollection(name);
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
      }
      this.created.add(name);
    }
  }

  private collection(name: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(readModelCollection(name));
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed('document store');
  }
}
