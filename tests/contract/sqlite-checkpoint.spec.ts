import fs from 'node:fs';
import workerThreads from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteDatabase } from '../../src/infrastructure/sqlite/sqlite-database';
import type { CheckpointOptions } from '../../src/infrastructure/sqlite/sqlite-wal-checkpointer';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { newEvent } from './support/event-fixtures';
import { perTestSqliteFile } from './support/temp-sqlite-database';

/** Generous bounds on waiting for the checkpoint thread: reached only if it is broken, never asserted as durations. */
const MAX_WAIT_TURNS = 20_000;
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));

const waitUntil = async (condition: () => boolean) => {
  for (let turn = 0; !condition(); turn++) {
    if (turn >= MAX_WAIT_TURNS) throw new Error('condition not met');
    await nextTurn();
  }
};

const walBytes = (database: SqliteDatabase) => fs.statSync(database.walPath, { throwIfNoEntry: false })?.size ?? 0;

/**
 * The WAL header's checkpoint sequence number (bytes 12..15, big-endian; sqlite.org/fileformat2.html#walformat):
 * it goes up each time the WAL is reset to be written again from its start.
 */
const walResets = (database: SqliteDatabase): number => {
  const handle = fs.openSync(database.walPath, 'r');
  try {
    const header = Buffer.alloc(16);
    return fs.readSync(handle, header, 0, 16, 0) === 16 ? header.readUInt32BE(12) : 0;
  } finally {
    fs.closeSync(handle);
  }
};

/** Events of about 2 KiB, so a few hundred appends fill hundreds of WAL pages. */
const bulkyEvent = () => newEvent('Measured', { reading: 'x'.repeat(2_000) });

describe('SQLite WAL checkpoints on their own thread', () => {
  const temp = perTestSqliteFile();

  const open = (checkpoints?: CheckpointOptions) => {
    const database = new SqliteDatabase(temp.file.filePath, { checkpoints });
    const store = new SqliteEventStore(database);
    temp.closeLater(database, store);
    return { database, store };
  };

  const appendWave = (store: SqliteEventStore, wave: number, size = 50) =>
    Promise.all(Array.from({ length: size }, (_, i) => store.appendToStream(`meter-${wave}-${i}`, [bulkyEvent()], 'no_stream')));

  it('turns SQLite’s automatic checkpoints off on the main connection: commits never checkpoint', () => {
    const { database } = open();
    expect(database.connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('copies the WAL into the database file from another thread, and truncates it once writes pause', async () => {
    const { database, store } = open({ intervalMs: 2, truncateBytes: 0 });
    const emptySize = fs.statSync(temp.file.filePath).size;
    for (let wave = 0; wave < 10; wave++) await appendWave(store, wave);

    await waitUntil(() => walBytes(database) === 0);

    expect(fs.statSync(temp.file.filePath).size).toBeGreaterThan(emptySize + 500 * 2_000);
    // The events are in the database file itself: a connection that ignores the (empty) WAL reads them all.
    const reader = new Database(temp.file.filePath, { readonly: true });
    try {
      expect(reader.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 500 });
    } finally {
      reader.close();
    }
  });

  it('keeps the WAL bounded while appends go on without a pause: it is reset and written again from the start', async () => {
    const { database, store } = open({ intervalMs: 1, restartFrames: 64 });
    const resetsAtStart = walResets(database);
    let largest = 0;
    const waves = 300;
    for (let wave = 0; wave < waves; wave++) {
      await appendWave(store, wave);
      largest = Math.max(largest, walBytes(database));
    }
    const written = waves * 50 * 2_000;
    expect(walResets(database)).toBeGreaterThan(resetsAtStart + 1);
    // Without resets the WAL would hold every page written, more than the events' own bytes.
    expect(largest).toBeLessThan(written / 3);
    expect(await store.readAll()).toHaveLength(waves * 50);
  });

  it('falls back to SQLite’s automatic checkpoints when the thread cannot be started', () => {
    const failing = jest.spyOn(workerThreads, 'Worker').mockImplementation(() => {
      throw new Error('no threads here');
    });
    try {
      const { database } = open();
      expect(database.connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      failing.mockRestore();
    }
  });
});
