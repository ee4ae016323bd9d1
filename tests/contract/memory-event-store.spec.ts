import { InMemoryEventStore } from '../../src/infrastructure/memory/in-memory-event-store';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, cleanup: () => store.close(), fresh: true };
}, { storeWideEventIds: true });
