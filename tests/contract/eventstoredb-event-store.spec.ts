import { connectEventStore } from '../../src/infrastructure/eventstoredb/esdb-connection';
import { EsdbEventStore } from '../../src/infrastructure/eventstoredb/esdb-event-store';
import { describeOnEngine } from '../support/engines';
import { describeEventStoreContract } from './event-store.contract';

// Runs against the server EVENTSTORE_URL names (e.g. kurrentdb://localhost:2113?tls=false); it is shared and
// never emptied, so the contract keeps to its own streams and positions after each test's start.
describeOnEngine('eventstoredb', 'EventStoreDB adapter', (url) => {
  describeEventStoreContract('eventstoredb', async () => {
    const client = await connectEventStore(url);
    const store = new EsdbEventStore(client);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await client.dispose();
      },
    };
  });
});
