import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CORE_SCHEMA } from './sqlite-schema';
import { type CheckpointOptions, SqliteWalCheckpointer } from './sqlite-wal-checkpointer';

export interface SqliteDatabaseOptions {
  /** How long a writer waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
  readonly checkpoints?: CheckpointOptions;
}

/** SQLite's own default, restored if the checkpoint thread cannot run. */
const AUTOCHECKPOINT_PAGES = 1000;
/** Longest a writer of this process lets a RESTART checkpoint go first; then SQLite's busy timeout applies. */
export const MAX_CHECKPOINT_YIELD_MS = 100;

/**
 * Owns the one connection to an opsledger SQLite file (events, read models, checkpoints, jobs).
 * WAL lets readers run beside the writer. Commits use synchronous=NORMAL: atomic and ordered, and safe
 * against a killed process; durability against power loss comes from SqliteWalFlusher, which the event
 * store awaits before acknowledging an append (docs/adr/0004-embedded-store-durability.md).
 * WAL checkpoints run on a thread of their own (SqliteWalCheckpointer), not inside this connection's commits.
 */
export class SqliteDatabase {
  readonly connection: Database.Database;
  private readonly checkpointer: SqliteWalCheckpointer;

  constructor(
    readonly filePath: string,
    options: SqliteDatabaseOptions = {},
  ) {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    this.connection = new Database(filePath);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = NORMAL');
    this.connection.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    this.connection.pragma('foreign_keys = ON');
    this.connection.exec(CORE_SCHEMA);
    this.connection.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new SqliteWalCheckpointer(
      path.resolve(filePath),
      () => {
        if (this.connection.open) this.connection.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      },
      options.checkpoints,
    );
  }

  /**
   * True while the checkpoint thread needs the write lock for a RESTART (the WAL outgrew its bound). Writers of
   * this process should let it go first (`yieldToCheckpoint`): taken again between the thread's retries, the
   * lock could stay out of its reach while the WAL grows, and once it has it, a writer asking for it would
   * sleep in SQLite's busy handler, event loop and all.
   */
  get checkpointWantsWriteLock(): boolean {
    return this.checkpointer.restarting;
  }

  /** Resolves once no RESTART checkpoint wants the write lock (checked every millisecond), or after a bound. */
  async yieldToCheckpoint(): Promise<void> {
    const deadline = Date.now() + MAX_CHECKPOINT_YIELD_MS;
    while (this.checkpointer.restarting && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** The WAL file that SqliteWalFlusher syncs. */
  get walPath(): string {
    return `${this.filePath}-wal`;
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  /** Idempotent; the adapters sharing this database must be closed first. */
  close(): void {
    this.checkpointer.stop();
    if (this.connection.open) this.connection.close();
  }
}
