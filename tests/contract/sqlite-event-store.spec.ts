import { type ChildProcess, spawn } from 'node:child_process';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { isWrongExpectedRevision } from '../../src/application/shared/ports/wrong-expected-revision';
import { STORE_CLOSED } from '../../src/infrastructure/store-kit/store-errors';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteEventWriter } from '../../src/infrastructure/sqlite/sqlite-event-writer';
import { SqliteWalFlusher } from '../../src/infrastructure/sqlite/sqlite-wal-flusher';
import { describeEventStoreContract } from './event-store.contract';
import { newEvent, newEvents, streamIn } from './support/event-fixtures';
import { SubscriptionProbe } from './support/subscription-probe';
import { onFreshSqliteFile, perTestSqliteFile } from './support/temp-sqlite-database';

const onFreshFile = onFreshSqliteFile((database) => new SqliteEventStore(database));
describeEventStoreContract('sqlite', async () => ({ ...(await onFreshFile()), fresh: true }), { storeWideEventIds: true });

/** Polls a condition once per event-loop turn, failing after a bounded number of turns. */
const waitUntil = async (condition: () => boolean, turns = 10_000) => {
  for (let turn = 0; !condition(); turn++) {
    if (turn >= turns) throw new Error('condition not met');
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('SqliteEventStore, beyond the contract', () => {
  const temp = perTestSqliteFile();

  const open = (options?: ConstructorParameters<typeof SqliteEventStore>[1]) => {
    const database = temp.file.open();
    const store = new SqliteEventStore(database, options);
    temp.closeLater(database, store);
    return { database, store };
  };

  it('opens the file in WAL mode with synchronous NORMAL (the flusher fsyncs), busy timeout, foreign keys', () => {
    const { database } = open();
    const pragma = (name: string) => database.connection.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('foreign_keys')).toBe(1);
  });

  it('acknowledges an append only after the WAL has been flushed to stable storage', async () => {
    let release: () => void = () => undefined;
    const flushed = jest
      .spyOn(SqliteWalFlusher.prototype, 'flushed')
      .mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      const { store } = open();
      let acknowledged = false;
      const append = store.appendToStream('warranty-1', [newEvent()], 'no_stream').then(() => (acknowledged = true));
      await waitUntil(() => flushed.mock.calls.length === 1);
      // Committed (visible to reads) but not yet durable: not acknowledged.
      expect(await store.readStream('warranty-1')).toHaveLength(1);
      expect(acknowledged).toBe(false);
      release();
      await append;
      expect(acknowledged).toBe(true);
    } finally {
      flushed.mockRestore();
    }
  });

  it('syncs the WAL file with fdatasync before acknowledging', async () => {
    const opened = jest.spyOn(fsPromises, 'open');
    try {
      const { store, database } = open();
      await store.appendToStream('warranty-1', [newEvent()], 'no_stream');
      expect(opened.mock.calls.map((call) => call[0])).toContain(database.walPath);
    } finally {
      opened.mockRestore();
    }
  });

  it('keeps events across a reopen', async () => {
    const first = open();
    await first.store.appendToStream('warranty-1', newEvents(3), 'no_stream');
    const written = await first.store.readAll();
    await first.store.close();
    first.database.close();

    const second = open();
    expect(await second.store.readAll()).toEqual(written);
    await expect(second.store.appendToStream('warranty-1', [newEvent()], 2)).resolves.toMatchObject({ nextRevision: 3 });
  });

  it('writes appends still queued when closed, then refuses new ones', async () => {
    const { store, database } = open();
    const pending = store.appendToStream('warranty-1', newEvents(2), 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 1 });
    await expect(store.appendToStream('warranty-2', newEvents(1), 'no_stream')).rejects.toMatchObject({
      code: STORE_CLOSED,
    });
    database.close();
    expect(await open().store.readStream('warranty-1')).toHaveLength(2);
  });

  it('commits appends of the same tick as one group, bounded by maxGroupSize', async () => {
    const write = jest.spyOn(SqliteEventWriter.prototype, 'write');
    try {
      const { store } = open({ maxGroupSize: 10 });
      await Promise.all(Array.from({ length: 25 }, () => store.appendToStream(streamIn('load'), newEvents(1), 'no_stream')));
      expect(write.mock.calls.map(([group]) => group.length)).toEqual([10, 10, 5]);
    } finally {
      write.mockRestore();
    }
  });

  describe('with a second connection on the same file (as another process would)', () => {
    it('sees the other writer when checking expected revisions', async () => {
      const mine = open();
      const theirs = open();
      await theirs.store.appendToStream('serial-A1', [newEvent()], 'no_stream');
      const error: unknown = await mine.store
        .appendToStream('serial-A1', [newEvent()], 'no_stream')
        .catch((reason: unknown) => reason);
      expect(isWrongExpectedRevision(error)).toBe(true);
    });

    it('delivers the other writer’s events to a caught-up subscription by polling', async () => {
      const mine = open({ pollIntervalMs: 20 });
      const theirs = open();
      const probe = new SubscriptionProbe(mine.store.subscribeToAll());
      temp.closeLater(probe.subscription);
      probe.startWaiting();
      const result = await theirs.store.appendToStream('ticket-9', newEvents(2), 'no_stream');
      const delivered = await probe.take(2);
      expect(delivered.map((event) => event.position).at(-1)).toBe(result.position);
    });
  });

  it('loses no acknowledged append when the writing process is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, [path.join(__dirname, 'support', 'append-until-killed.child.js'), temp.file.filePath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = await readAcknowledgedPositions(child, 200);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const stored = (await open().store.readStream('clock-1')).map((event) => event.position);
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
  }, 20_000);
});

/** Collects the positions the child printed until `count` arrived (or the child failed). */
const readAcknowledgedPositions = (child: ChildProcess, count: number): Promise<number[]> =>
  new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`child exited early (${String(code)}): ${errors}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const positions = output.split('\n').slice(0, -1).map(Number);
      if (positions.length >= count) resolve(positions);
    });
  });
