import type Database from 'better-sqlite3';
import type {
  Checkpoint,
  CollectionSpec,
  CommitOptions,
  Document,
  DocumentChange,
  DocumentStore,
  FindOptions,
  FindResult,
} from '../../application/shared/ports/document-store.port';
import { unavailable } from '../../domain/shared/domain-error';
import { assertFieldPath } from '../store-kit/document-naming';
import { checkedCount, checkpointAllowsCommit, checkpointMoved, storeClosed, uniqueViolation } from '../store-kit/store-errors';
import { SqliteCollection } from './sqlite-collection';
import type { SqliteDatabase } from './sqlite-database';
import { CONTAINS_FUNCTION, containsIgnoringCase, orderByClause, whereClause } from './sqlite-document-query';
import { SqliteDocumentWriter, WriterCommitFailed } from './sqlite-document-writer';
import { isSqliteBusy, isSqliteUniqueViolation } from './sqlite-error-code';
import { SqliteStatementCache } from './sqlite-statement-cache';

/** SQLite's "no limit". */
const UNLIMITED = -1;

const CHECKPOINT_SQL = {
  read: 'SELECT position FROM checkpoints WHERE name = ?',
  write: 'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
};

export interface SqliteDocumentStoreOptions {
  /**
   * Which commits run on the writer thread: 'bulk' (the default) those marked bulk with at least
   * BULK_COMMIT_MIN_CHANGES changes, 'all' every commit with changes, 'none' none.
   * Only bulk loads should use it: a live commit there would hold the write lock against this process's own
   * appends, whose connection then waits for it by sleeping, event loop and all.
   */
  readonly writerThread?: 'bulk' | 'all' | 'none';
}

/** Large enough that the hand-over to the thread costs little next to the commit itself. */
export const BULK_COMMIT_MIN_CHANGES = 256;

/**
 * Read models in the shared SQLite file: a table per collection, checkpoints in `checkpoints`, and every
 * commit (changes plus checkpoint) in one transaction, so a projection never skips or double-applies.
 * Bulk commits (a rebuild's batches) go to a writer thread with its own connection (SqliteDocumentWriter), so
 * they run beside the caller's work. None is overtaken: while any is on the thread, later commits go there too.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly connection: Database.Database;
  private readonly database: SqliteDatabase;
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly queries: SqliteStatementCache;
  private readonly readCheckpoint: Database.Statement<[string], { position: number }>;
  private readonly writeCheckpoint: Database.Statement<[string, number]>;
  private readonly deleteCheckpoint: Database.Statement<[string]>;
  private readonly commitTransaction: (changes: readonly DocumentChange[], checkpoint?: Checkpoint) => void;
  private readonly resetTransaction: (collections: readonly string[], checkpointName: string) => void;
  private readonly inSnapshot: <T>(read: () => T) => T;
  private readonly writer: SqliteDocumentWriter;
  private readonly writerThread: NonNullable<SqliteDocumentStoreOptions['writerThread']>;
  private closed = false;

  constructor(database: SqliteDatabase, options: SqliteDocumentStoreOptions = {}) {
    this.database = database;
    this.connection = database.connection;
    this.connection.function(CONTAINS_FUNCTION, { deterministic: true }, containsIgnoringCase);
    this.queries = new SqliteStatementCache(this.connection);
    this.readCheckpoint = this.connection.prepare(CHECKPOINT_SQL.read);
    this.writeCheckpoint = this.connection.prepare(CHECKPOINT_SQL.write);
    this.deleteCheckpoint = this.connection.prepare('DELETE FROM checkpoints WHERE name = ?');
    const commit = this.connection.transaction(this.applyCommit.bind(this));
    this.commitTransaction = (changes, checkpoint) => commit.immediate(changes, checkpoint);
    const reset = this.connection.transaction((collections: readonly string[], checkpointName: string) => {
      for (const name of collections) this.collection(name).clear.run();
      this.deleteCheckpoint.run(checkpointName);
    });
    this.resetTransaction = (collections, checkpointName) => reset.immediate(collections, checkpointName);
    const snapshot = this.connection.transaction((read: () => unknown) => read());
    this.inSnapshot = <T>(read: () => T) => snapshot.deferred(read) as T;
    this.writerThread = options.writerThread ?? 'bulk';
    this.writer = new SqliteDocumentWriter({
      filePath: database.filePath,
      busyTimeoutMs: Number(this.connection.pragma('busy_timeout', { simple: true })),
      checkpointSql: CHECKPOINT_SQL,
    });
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    spec.indexes.forEach((index) => index.fields.forEach(assertFieldPath));
    const collection = this.collection(spec.name);
    try {
      for (const index of spec.indexes) collection.createIndex(index);
    } catch (error) {
      throw translated(spec.name, error);
    }
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    const row = this.collection(collection).get.get(id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<FindResult<T>> {
    this.assertOpen();
    const { table } = this.collection(collection);
    const limit = checkedCount('limit', options.limit) ?? UNLIMITED;
    const offset = checkedCount('offset', options.offset) ?? 0;
    const where = whereClause(options.filter);
    const order = orderByClause(options.sort);
    const count = this.queries.prepare<{ total: number }>(`SELECT COUNT(*) AS total FROM ${table} WHERE ${where.sql}`);
    const page = this.queries.prepare<{ doc: string }>(
      `SELECT doc FROM ${table} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    );
    // One read transaction: the page and the total come from the same snapshot.
    return this.inSnapshot(() => ({
      items: limit === 0 ? [] : page.all(...where.params, limit, offset).map((row) => JSON.parse(row.doc) as T),
      total: count.get(...where.params)?.total ?? 0,
    }));
  }

  async commit(changes: readonly DocumentChange[], checkpoint?: Checkpoint, options: CommitOptions = {}): Promise<void> {
    this.assertOpen();
    // Tables are created outside the transaction, so a rollback cannot leave cached statements on a dropped table.
    for (const change of changes) this.collection(change.collection);
    if (this.writer.available && (this.writer.pending > 0 || this.wantsWriter(changes, options))) {
      return this.commitOnWriter(changes, checkpoint);
    }
    if (this.database.checkpointWantsWriteLock || this.writer.pending > 0) await this.readyToWriteHere();
    try {
      this.commitTransaction(changes, checkpoint);
    } catch (error) {
      throw translated(null, error);
    }
  }

  async getCheckpoint(name: string): Promise<number | null> {
    this.assertOpen();
    return this.readCheckpoint.get(name)?.position ?? null;
  }

  async reset(collections: readonly string[], checkpointName: string): Promise<void> {
    this.assertOpen();
    for (const name of collections) this.collection(name);
    await this.readyToWriteHere();
    try {
      this.resetTransaction(collections, checkpointName);
    } catch (error) {
      throw translated(null, error);
    }
  }

  /** Lets commits on the writer thread finish; leaves the database open: it belongs to whoever opened it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.writer.stop();
  }

  /**
   * Before a write on this connection: a RESTART checkpoint goes first, and nothing is left on the writer thread
   * (it failed with commits pending, which were rejected), so commits still apply in call order. No await
   * follows the last check.
   */
  private async readyToWriteHere(): Promise<void> {
    if (this.database.checkpointWantsWriteLock) await this.database.yieldToCheckpoint();
    while (this.writer.pending > 0) await this.writer.drained();
  }

  private wantsWriter(changes: readonly DocumentChange[], options: CommitOptions): boolean {
    if (this.writerThread === 'all') return changes.length > 0;
    return this.writerThread === 'bulk' && options.bulk === true && changes.length >= BULK_COMMIT_MIN_CHANGES;
  }

  private async commitOnWriter(changes: readonly DocumentChange[], checkpoint?: Checkpoint): Promise<void> {
    try {
      await this.writer.commit(changes, checkpoint, (name) => this.collection(name).writes);
    } catch (error) {
      if (!(error instanceof WriterCommitFailed)) throw error;
      if (error.code === 'CHECKPOINT_MOVED' && checkpoint) {
        throw checkpointMoved(checkpoint.name, checkpoint.previous ?? null, JSON.parse(error.message) as number | null);
      }
      const change = changes[error.failure.at];
      throw translated(change ? change.collection : null, error);
    }
  }

  private applyCommit(changes: readonly DocumentChange[], checkpoint?: Checkpoint): void {
    if (checkpoint && !checkpointAllowsCommit(checkpoint, this.readCheckpoint.get(checkpoint.name)?.position ?? null)) return;
    let current = '';
    try {
      for (const change of changes) {
        current = change.collection;
        const collection = this.collection(current);
        if (change.op === 'put') collection.put.run(change.document.id, JSON.stringify(change.document));
        else collection.delete.run(change.id);
      }
    } catch (error) {
      throw translated(current, error);
    }
    if (checkpoint) this.writeCheckpoint.run(checkpoint.name, checkpoint.position);
  }

  private collection(name: string): SqliteCollection {
    const known = this.collections.get(name);
    if (known) return known;
    const created = new SqliteCollection(this.connection, name);
    this.collections.set(name, created);
    return created;
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed('document store');
  }
}

/** Maps SQLite's constraint and lock errors to the store's domain errors (others pass unchanged). */
const translated = (collection: string | null, error: unknown): unknown => {
  if (isSqliteUniqueViolation(error)) {
    return uniqueViolation(collection ?? 'a collection', String((error as { message?: unknown }).message));
  }
  if (isSqliteBusy(error)) return unavailable('document_store.busy', 'The read models are locked by another writer');
  return error;
};
