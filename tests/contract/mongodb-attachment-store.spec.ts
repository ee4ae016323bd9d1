import { randomUUID } from 'node:crypto';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { GridFsAttachmentStore } from '../../src/infrastructure/mongodb/gridfs-attachment-store';
import { describeOnEngine } from '../support/engines';
import { describeAttachmentStoreContract } from './attachment-store.contract';

// Runs against the replica set MONGODB_URL names, in a fresh database per test, dropped afterwards.
describeOnEngine('mongodb', 'MongoDB (GridFS) attachment store', (url) => {
  describeAttachmentStoreContract('mongodb', async () => {
    const client = await connectMongo(url);
    const databaseName = `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
    return {
      store: new GridFsAttachmentStore(client, databaseName),
      cleanup: async () => {
        await client.db(databaseName).dropDatabase();
        await client.close();
      },
    };
  });
});
