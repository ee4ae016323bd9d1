import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDatabase } from '../../../src/infrastructure/sqlite/sqlite-database';

export interface TempSqliteFile {
  readonly filePath: string;
  open(): SqliteDatabase;
  remove(): void;
}

/** A fresh SQLite file in its own temp directory (a real file: WAL and other processes need one). */
export const tempSqliteFile = (): TempSqliteFile => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-contract-'));
  const filePath = path.join(directory, 'nested', 'opsledger.db');
  return {
    filePath,
    open: () => new SqliteDatabase(filePath),
    // The document writer and checkpoint threads close their own connections after `close()` returns, and a
    // closing connection may still drop its -wal/-shm files while the directory is being removed (ENOTEMPTY).
    remove: () => fs.rmSync(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }),
  };
};

/**
 * A fresh file for every test of the enclosing describe; what a test registers with `closeLater` is closed
 * (newest first) before the file is removed.
 */
export const perTestSqliteFile = () => {
  let current: TempSqliteFile | null = null;
  let toClose: { close(): unknown }[] = [];
  beforeEach(() => {
    current = tempSqliteFile();
    toClose = [];
  });
  afterEach(async () => {
    for (const closable of toClose.reverse()) await closable.close();
    current?.remove();
  });
  return {
    get file(): TempSqliteFile {
      if (!current) throw new Error('perTestSqliteFile is only usable inside a test');
      return current;
    },
    closeLater: (...closables: { close(): unknown }[]) => void toClose.push(...closables),
  };
};

/** A contract factory: a store built on a fresh file, and a cleanup that closes both and removes the file. */
export const onFreshSqliteFile =
  <Store extends { close(): Promise<void> }>(build: (database: SqliteDatabase) => Store) =>
  async () => {
    const file = tempSqliteFile();
    const database = file.open();
    const store = build(database);
    return {
      store,
      cleanup: async () => {
        await store.close();
        database.close();
        file.remove();
      },
    };
  };
