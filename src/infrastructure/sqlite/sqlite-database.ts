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
 * WAL lets readers run beside the writer. Commits use synchronous=NORMAL: atomic and ordered, and safe
 * against a killed process; durability against power loss comes from SqliteWalFlusher, which the event
 * store awaits before acknowledging an append (docs/adr/0004-embedded-store-durability.md).
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
    this.connection.pragma('synchronous = NORMAL');
    this.connection.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    this.connection.pragma('foreign_keys = ON');
    this.connection.exec(CORE_SCHEMA);
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
    if (this.connection.open) this.connection.close();
  }
}
