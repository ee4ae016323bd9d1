import { InMemoryLeaseStore } from '../../src/infrastructure/memory/in-memory-lease-store';
import { describeLeaseStoreContract } from './lease-store.contract';

describeLeaseStoreContract('in-memory', async () => ({ store: new InMemoryLeaseStore(), cleanup: async () => undefined }));
