import { randomUUID } from 'node:crypto';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { MongoDocumentStore } from '../../src/infrastructure/mongodb/mongo-document-store';
import { describeOnEngine } from '../support/engines';
import { describeDocumentStoreContract } from './document-store.contract';

// Runs against the replica set MONGODB_URL names (e.g. mongodb://localhost:27017/?replicaSet=rs0), in a fresh
// database per test, dropped afterwards.
describeOnEngine('mongodb', 'MongoDB document store', (url) => {
  describeDocumentStoreContract('mongodb', async () => {
    const client = await connectMongo(url);
    const databaseName = `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
    const store = new MongoDocumentStore(client, databaseName);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await client.db(databaseName).dropDatabase();
        await client.close();
      },
    };
  });
});
