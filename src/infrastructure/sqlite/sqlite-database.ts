import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CORE_SCHEMA } from './sqlite-schema';

export interface SqliteDatabaseOptions {
  /** How long a writer waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
}

/**
 * Owns the one connection to an opsledger SQLite file (events, read models, checkpoints, jobs).
 * WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit survive a crash.
 */
export class SqliteDatabase {
  readonly connection: Database.Database;

  constructor(
    readonly filePath: string,
    options: SqliteDatabaseOptions = {},
  ) {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    this.connection = new Database(filePath);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = FULL');
    this.connection.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    this.connection.pragma('foreign_keys = ON');
    this.connection.exec(CORE_SCHEMA);
  }

  /**
   * Runs `work` with synchronous=NORMAL: its commits skip the fsync. Only for data that can be rebuilt from
   * events (read models with their checkpoints): WAL keeps every commit atomic and in order, so a power loss
   * can drop only the newest such commits, never half of one, and the next FULL commit syncs them anyway.
   */
  withoutFsync<T>(work: () => T): T {
    this.connection.pragma('synchronous = NORMAL');
    try {
      return work();
    } finally {
      this.connection.pragma('synchronous = FULL');
    }
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  /** Idempotent; the adapters sharing this database must be closed first. */
  close(): void {
    if (this.connection.open) this.connection.close();
  }
}
