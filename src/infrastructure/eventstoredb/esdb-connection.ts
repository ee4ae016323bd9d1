import { BACKWARDS, END, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EngineStartupError, messageOf, withoutCredentials, type EngineHealth } from '../store-kit/engine-connection';

const PROBE_DEADLINE_MS = 5_000;

/** `esdb://` is the older spelling of `kurrentdb://`; the client warns on it, so it is renamed here. */
const modernScheme = (url: string) => url.replace(/^esdb(\+discover)?:\/\//, (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);

/**
 * Builds the client and proves the server answers (the client itself connects lazily), so a wrong URL stops
 * start-up with a message naming the server instead of failing the first request.
 */
export const connectEventStore = async (url: string): Promise<KurrentDBClient> => {
  const target = withoutCredentials(url, url);
  let client: KurrentDBClient;
  try {
    client = KurrentDBClient.connectionString(modernScheme(url));
  } catch (error) {
    throw new EngineStartupError(
      `EVENTSTORE_URL is not a valid EventStoreDB connection string (${target}): ${withoutCredentials(messageOf(error), url)}`,
    );
  }
  const health = await probe(client);
  if (!health.ok) {
    await client.dispose().catch(() => undefined);
    throw new EngineStartupError(`EventStoreDB at ${target} is not reachable: ${withoutCredentials(health.detail ?? 'no answer', url)}`);
  }
  return client;
};

/** Reads the newest event of $all: cheap, needs the server and read access. */
const probe = async (client: KurrentDBClient): Promise<EngineHealth> => {
  try {
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PROBE_DEADLINE_MS })) {
      void resolved;
    }
    return { engine: 'eventstoredb', ok: true };
  } catch (error) {
    return { engine: 'eventstoredb', ok: false, detail: messageOf(error) };
  }
};
