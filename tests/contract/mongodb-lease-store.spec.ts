import { randomUUID } from 'node:crypto';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { MongoLeaseStore } from '../../src/infrastructure/mongodb/mongo-lease-store';
import { describeOnEngine } from '../support/engines';
import { describeLeaseStoreContract } from './lease-store.contract';

// Runs against the replica set MONGODB_URL names, in a fresh database per test, dropped afterwards.
describeOnEngine('mongodb', 'MongoDB lease store', (url) => {
  describeLeaseStoreContract('mongodb', async () => {
    const client = await connectMongo(url);
    const databaseName = `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
    return {
      store: new MongoLeaseStore(client, databaseName),
      cleanup: async () => {
        await client.db(databaseName).dropDatabase();
        await client.close();
      },
    };
  });
});
