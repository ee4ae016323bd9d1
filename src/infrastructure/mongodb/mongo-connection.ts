import { MongoClient, type Document as MongoDocument } from 'mongodb';
import { EngineStartupError, messageOf, withoutCredentials, type EngineHealth } from '../store-kit/engine-connection';

export interface MongoConnectOptions {
  /** How long to look for a usable server before giving up; 5 s unless given. */
  readonly serverSelectionTimeoutMS?: number;
}

const SERVER_SELECTION_TIMEOUT_MS = 5_000;
const HEALTH_DEADLINE_MS = 2_000;

/** Scheme and hosts only: no credentials, no database, no options (options may carry secrets too). */
export const describeTarget = (client: MongoClient): string => {
  const { srvHost, hosts } = client.options;
  return srvHost ? `mongodb+srv://${srvHost}` : `mongodb://${hosts.map((host) => host.toString()).join(',')}`;
};

/**
 * Multi-document transactions need a replica set (`setName`) or a sharded cluster (mongos answers `isdbgrid`);
 * a standalone server has neither.
 */
export const supportsTransactions = (hello: MongoDocument): boolean =>
  typeof hello.setName === 'string' || hello.msg === 'isdbgrid';

const parsedClient = (url: string, options: MongoConnectOptions): MongoClient => {
  try {
    return new MongoClient(url, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? SERVER_SELECTION_TIMEOUT_MS,
      appName: 'opsledger',
    });
  } catch (error) {
    throw new EngineStartupError(`Not a valid MongoDB connection string: ${withoutCredentials(messageOf(error), url)}`);
  }
};

/**
 * Connects and proves the deployment can run the read models: it answers within the server selection timeout,
 * and it supports transactions. Every message names the server without credentials.
 */
export const connectMongo = async (url: string, options: MongoConnectOptions = {}): Promise<MongoClient> => {
  const client = parsedClient(url, options);
  const target = describeTarget(client);
  let hello: MongoDocument;
  try {
    await client.connect();
    hello = await client.db('admin').command({ hello: 1 });
  } catch (error) {
    // The reason to report is the connection's, not a failure to close what never opened.
    await client.close().catch(() => undefined);
    throw new EngineStartupError(`MongoDB at ${target} is not reachable: ${withoutCredentials(messageOf(error), url)}`);
  }
  if (!supportsTransactions(hello)) {
    await client.close();
    throw new EngineStartupError(
      `MongoDB at ${target} is not a replica set; read-model commits need transactions, so run it as one ` +
        '(start mongod with --replSet <name> and run rs.initiate() once)',
    );
  }
  return client;
};

/** A ping, bounded by `deadlineMs`: cheap, and needs a reachable server. */
export const mongoHealth = async (client: MongoClient, deadlineMs = HEALTH_DEADLINE_MS): Promise<EngineHealth> => {
  try {
    await client.db('admin').command({ ping: 1 }, { signal: AbortSignal.timeout(deadlineMs) });
    return { engine: 'mongodb', ok: true };
  } catch (error) {
    return { engine: 'mongodb', ok: false, detail: messageOf(error) };
  }
};
