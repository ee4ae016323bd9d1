import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EventToAppend } from '../src/application/shared/ports/event-store.port';
import { SqliteDatabase } from '../src/infrastructure/sqlite/sqlite-database';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { CryptoIdGenerator } from '../src/infrastructure/system/crypto-id-generator';
import { measure, type Measured } from './bench-support';

export const sampleEvent = (i: number): EventToAppend => ({
  type: 'WarrantyActivated',
  data: {
    warrantyId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    serial: `LV100A${String(i).padStart(8, '0')}K`,
    modelId: 'b4ed2be1-b2c9-4600-82d9-070e2b6a2964',
    consumer: { name: 'Jane Wanjiru', phone: '+254712345678', email: 'jane@example.com' },
    startsOn: '2026-11-22',
    endsOn: '2028-11-22',
    activatedAt: '2026-11-22T00:41:51.161Z',
    activatedBy: '1437cf66-a6e6-425d-b6e1-7c1f9fd12619',
  },
  metadata: {
    eventId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    correlationId: '6b4eecbe-c865-4884-b14a-2c3780bdad08',
    causationId: '6b4eecbe-c865-4884-b14a-2c3780bdad08',
    actorId: '1437cf66-a6e6-425d-b6e1-7c1f9fd12619',
    actorRole: 'admin',
    tenantId: null,
    clientIp: '127.0.0.1',
    userAgent: 'bench',
    occurredAt: '2026-11-22T00:41:51.161Z',
    schemaVersion: 1,
  },
});

const tempFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), `opsledger-bench-${name}-`)), 'bench.sqlite');

/** Each run's files go once it ends, so rounds do not fill the disk and its cache for the ones after. */
const removeFiles = (file: string) => fs.rmSync(path.dirname(file), { recursive: true, force: true });

/** (a) raw better-sqlite3: rows of the same byte size as an appended event, `groupSize` rows per transaction. */
export const rawInserts = async (total: number, groupSize: number): Promise<Measured> => {
  const file = tempFile('raw');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (payload) VALUES (?)');
  const rowSize = (i: number) => {
    const e = sampleEvent(i);
    return `streamwarranty-${i}${e.type}${JSON.stringify(e.data)}${JSON.stringify(e.metadata)}`;
  };
  // Payloads are built before the clock starts: the baseline is the database's cost alone.
  const payloads = Array.from({ length: total }, (_, i) => rowSize(i));
  const group = db.transaction((from: number) => {
    for (let i = from; i < from + groupSize; i++) insert.run(payloads[i]);
  });
  const result = await measure('(a) raw better-sqlite3 inserts', total, () => {
    for (let i = 0; i < total; i += groupSize) group(i);
  });
  db.close();
  removeFiles(file);
  return result;
};

/** Makes one identifier: the service's (UUID v7, ADR 0026) unless a run compares another kind. */
export type IdSource = () => string;

const serviceIds = new CryptoIdGenerator();
export const SERVICE_IDS: IdSource = () => serviceIds.newId();
/** What the service made before ADR 0026: ids in random order. */
export const RANDOM_V4_IDS: IdSource = randomUUID;

interface PlannedAppend {
  readonly streamId: string;
  readonly event: EventToAppend;
}

/**
 * The appends of a port run, built before its clock starts as (a)'s rows are: each to a new stream named, like
 * the service's, by a fresh id, and with a fresh event id (ids of the same length as sampleEvent's).
 */
const appendsFor = (total: number, newId: IdSource): PlannedAppend[] =>
  Array.from({ length: total }, (_, i) => {
    const event = sampleEvent(i);
    return { streamId: `warranty-${newId()}`, event: { ...event, metadata: { ...event.metadata, eventId: newId() } } };
  });

const appendOne = (store: SqliteEventStore, { streamId, event }: PlannedAppend) =>
  store.appendToStream(streamId, [event], 'no_stream');

const openPort = (groupSize: number) => {
  const file = tempFile('port');
  const database = new SqliteDatabase(file);
  const store = new SqliteEventStore(database, { maxGroupSize: groupSize });
  return {
    store,
    close: async () => {
      await store.close();
      database.close();
      removeFiles(file);
    },
  };
};

/**
 * (b) the EventStore port as a service uses it: `appenders` concurrent callers, each appending one event to a new
 * stream with `no_stream` expected and sending its next append once the last is acknowledged (durable). The port
 * puts at most `groupSize` appends in one transaction, the size of (a)'s, and writes the next group while the
 * previous one's fdatasync runs.
 */
export const portAppends = async (
  total: number,
  groupSize: number,
  appenders: number,
  newId: IdSource = SERVICE_IDS,
  label = '(b) appends through the EventStore port',
): Promise<Measured> => {
  const port = openPort(groupSize);
  const appends = appendsFor(total, newId);
  let next = 0;
  const appender = async () => {
    for (let i = next++; i < total; i = next++) await appendOne(port.store, appends[i] as PlannedAppend);
  };
  const result = await measure(label, total, async () => {
    await Promise.all(Array.from({ length: appenders }, appender));
  });
  await port.close();
  return result;
};

/** (b′) the same appends one wave at a time: `groupSize` in flight, and the next wave only once all are durable. */
export const portAppendWaves = async (total: number, groupSize: number): Promise<Measured> => {
  const port = openPort(groupSize);
  const appends = appendsFor(total, SERVICE_IDS);
  const result = await measure(`(b') the same, one wave of ${groupSize} at a time`, total, async () => {
    for (let i = 0; i < total; i += groupSize) {
      await Promise.all(appends.slice(i, i + groupSize).map((append) => appendOne(port.store, append)));
    }
  });
  await port.close();
  return result;
};
