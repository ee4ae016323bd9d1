import { BACKWARDS, END, KurrentDBClient } from '@kurrent/kurrentdb-client';

export interface EngineHealth {
  readonly engine: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const PROBE_DEADLINE_MS = 5_000;

/** The URL as it may appear in messages and logs: credentials removed. */
export const redactUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');

/** `esdb://` is the older spelling of `kurrentdb://`; the client warns on it, so it is renamed here. */
const modernScheme = (url: string) => url.replace(/^esdb(\+discover)?:\/\//, (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);

export class EngineStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStartupError';
  }
}

/**
 * Builds the client and proves the server answers (the client itself connects lazily), so a wrong URL stops
 * start-up with a message naming the server instead of failing the first request.
 */
export const connectEventStore = async (url: string): Promise<KurrentDBClient> => {
  let client: KurrentDBClient;
  try {
    client = KurrentDBClient.connectionString(modernScheme(url));
  } catch (error) {
    throw new EngineStartupError(`EVENTSTORE_URL is not a valid EventStoreDB connection string (${redactUrl(url)}): ${message(error)}`);
  }
  const health = await eventStoreHealth(client, PROBE_DEADLINE_MS);
  if (!health.ok) {
    await client.dispose().catch(() => undefined);
    throw new EngineStartupError(`EventStoreDB at ${redactUrl(url)} is not reachable: ${health.detail ?? 'no answer'}`);
  }
  return client;
};

/** Reads the newest event of $all: cheap, needs the server and read access. */
export const eventStoreHealth = async (client: KurrentDBClient, deadline = 2_000): Promise<EngineHealth> => {
  try {
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline })) {
      void resolved;
    }
    return { engine: 'eventstoredb', ok: true };
  } catch (error) {
    return { engine: 'eventstoredb', ok: false, detail: message(error) };
  }
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
