import { InMemoryDocumentStore } from '../../src/infrastructure/memory/in-memory-document-store';
import { describeDocumentStoreContract } from './document-store.contract';

describeDocumentStoreContract('in-memory', async () => {
  const store = new InMemoryDocumentStore();
  return { store, cleanup: () => store.close() };
});
