import { MongoBackend } from '@agendajs/mongo-backend';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AgendaBackend } from 'agenda';
import type { MongoClient } from 'mongodb';
import type { Logger } from 'pino';
import type { DocumentStore } from '../application/shared/ports/document-store.port';
import type { EventStore } from '../application/shared/ports/event-store.port';
import type { LeaseStore } from '../application/shared/ports/lease-store.port';
import type { AttachmentStore } from '../application/shared/ports/attachment-store.port';
import { GridFsAttachmentStore } from '../infrastructure/mongodb/gridfs-attachment-store';
import { SqliteAttachmentStore } from '../infrastructure/sqlite/sqlite-attachment-store';
import { SqliteAgendaBackend } from '../infrastructure/agenda/sqlite-agenda-backend';
import { connectEventStore } from '../infrastructure/eventstoredb/esdb-connection';
import { EsdbEventStore } from '../infrastructure/eventstoredb/esdb-event-store';
import { connectMongo, mongoHealth } from '../infrastructure/mongodb/mongo-connection';
import { MongoDocumentStore } from '../infrastructure/mongodb/mongo-document-store';
import { MongoLeaseStore } from '../infrastructure/mongodb/mongo-lease-store';
import { SqliteDatabase } from '../infrastructure/sqlite/sqlite-database';
import { SqliteDocumentStore } from '../infrastructure/sqlite/sqlite-document-store';
import { SqliteEventStore } from '../infrastructure/sqlite/sqlite-event-store';
import { SqliteLeaseStore } from '../infrastructure/sqlite/sqlite-lease-store';
import { messageOf, type EngineHealth } from '../infrastructure/store-kit/engine-connection';
import type { RateLimiter } from '../application/shared/ports/rate-limiter.port';
import { createRateLimiter } from '../infrastructure/rate-limiting/create-rate-limiter';
import type { Config } from './config';

/** The adapters behind the storage ports, chosen by configuration, and how to check and close them. */
export interface Engines {
  readonly eventStore: EventStore;
  /** Read models, checkpoints and leases live together, so a lease is as available as the read models. */
  readonly documentStore: DocumentStore;
  readonly leaseStore: LeaseStore;
  readonly jobBackend: AgendaBackend;
  /** Attempt counters live beside the read models, so every instance counts against the same limits. */
  readonly rateLimiter: RateLimiter;
  /** Uploaded files (claim photos): GridFS beside the read models, or a table of the embedded SQLite file. */
  readonly attachmentStore: AttachmentStore;
  /** Each engine's state, by role (events: with the head position; readModels), for /health/ready. */
  health(): Promise<Record<string, EngineHealth>>;
  close(): Promise<void>;
}

/**
 * EVENTSTORE_URL puts events in EventStoreDB and MONGODB_URL puts read models, leases and jobs in MongoDB;
 * whatever is not configured runs on the embedded SQLite file. A configured engine that does not answer stops
 * start-up with a message naming it (see the adapters' connect functions).
 */
export const openEngines = async (config: Config, logger: Logger): Promise<Engines> => {
  const closers: Array<() => Promise<void>> = [];
  const checks: Record<string, () => Promise<EngineHealth>> = {};
  let sqlite: SqliteDatabase | null = null;
  const embedded = (): SqliteDatabase => {
    if (sqlite) return sqlite;
    const database = new SqliteDatabase(config.databaseFile);
    closers.push(async () => database.close());
    sqlite = database;
    return database;
  };
  const sqliteState = async (): Promise<EngineHealth> => ({ engine: 'sqlite', ok: embedded().connection.open });
  const eventsState = (engine: EngineHealth['engine'], store: EventStore) => async (): Promise<EngineHealth> => {
    try {
      return { engine, ok: true, detail: `head position ${await store.headPosition()}` };
    } catch (error) {
      return { engine, ok: false, detail: messageOf(error) };
    }
  };

  try {
    let eventStore: EventStore;
    if (config.EVENTSTORE_URL) {
      const client: KurrentDBClient = await connectEventStore(config.EVENTSTORE_URL);
      eventStore = new EsdbEventStore(client, {
        onReconnect: (error, attempt) => logger.warn({ err: error, attempt }, 'EventStoreDB subscription dropped; resuming'),
      });
      closers.push(() => client.dispose());
      checks['events'] = eventsState('eventstoredb', eventStore);
    } else {
      eventStore = new SqliteEventStore(embedded());
      checks['events'] = eventsState('sqlite', eventStore);
    }
    closers.push(() => eventStore.close());

    let documentStore: DocumentStore;
    let leaseStore: LeaseStore;
    let jobBackend: AgendaBackend;
    let rateLimiter: RateLimiter;
    let attachmentStore: AttachmentStore;
    if (config.MONGODB_URL) {
      const client: MongoClient = await connectMongo(config.MONGODB_URL);
      closers.push(() => client.close());
      documentStore = new MongoDocumentStore(client, config.MONGODB_DATABASE);
      leaseStore = new MongoLeaseStore(client, config.MONGODB_DATABASE);
      jobBackend = new MongoBackend({ mongo: client.db(config.MONGODB_DATABASE), collection: 'jobs' });
      rateLimiter = createRateLimiter({ kind: 'mongodb', db: client.db(config.MONGODB_DATABASE) });
      attachmentStore = new GridFsAttachmentStore(client, config.MONGODB_DATABASE);
      checks['readModels'] = () => mongoHealth(client);
    } else {
      documentStore = new SqliteDocumentStore(embedded());
      leaseStore = new SqliteLeaseStore(embedded());
      jobBackend = new SqliteAgendaBackend(embedded());
      rateLimiter = createRateLimiter({ kind: 'sqlite', database: embedded() });
      attachmentStore = new SqliteAttachmentStore(embedded());
      checks['readModels'] = sqliteState;
    }
    closers.push(() => documentStore.close());

    return {
      eventStore,
      documentStore,
      leaseStore,
      jobBackend,
      rateLimiter,
      attachmentStore,
      health: async () => {
        const entries = await Promise.all(Object.entries(checks).map(async ([role, check]) => [role, await check()] as const));
        return Object.fromEntries(entries);
      },
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
};

/** Closes in reverse order of opening (stores before their connections), going on past failures. */
const closeAll = async (closers: Array<() => Promise<void>>): Promise<void> => {
  for (const close of [...closers].reverse()) await close().catch(() => undefined);
};
