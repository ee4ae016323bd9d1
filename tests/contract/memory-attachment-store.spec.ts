import { InMemoryAttachmentStore } from '../../src/infrastructure/memory/in-memory-attachment-store';
import { describeAttachmentStoreContract } from './attachment-store.contract';

describeAttachmentStoreContract('in-memory', async () => ({ store: new InMemoryAttachmentStore(), cleanup: async () => undefined }));
