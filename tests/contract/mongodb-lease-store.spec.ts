import { randomUUID } from 'node:crypto';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { MongoLeaseStore } from '../../src/infrastructure/mongodb/mongo-lease-store';
import { describeOnEngine } from '../support/engines';
import { describeLeaseStoreContract, type LeaseStoreFactory } from './lease-store.contract';

// Runs against the replica set MONGODB_URL names, in a fresh database per test, dropped afterwards.
describeOnEngine('mongodb', 'MongoDB lease store', (url) => {
  const freshStore: LeaseStoreFactory = async () => {
    const client = await connectMongo(url);
    const databaseName = `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
    return {
      store: new MongoLeaseStore(client, databaseName),
      cleanup: async () => {
        await client.db(databaseName).dropDatabase();
        await client.close();
      },
    };
  };

  describeLeaseStoreContract('mongodb', freshStore);

  describe('MongoLeaseStore, beyond the contract', () => {
    it('takes a holder that looks like a field path literally', async () => {
      const { store, cleanup } = await freshStore();
      try {
        expect(await store.acquire('projection:x', '$generation', 60_000)).toMatchObject({ holder: '$generation', generation: 1 });
        expect(await store.acquire('projection:x', '$generation', 60_000)).toMatchObject({ generation: 1 });
        expect(await store.acquire('projection:x', 'node-b', 60_000)).toBeNull();
      } finally {
        await cleanup();
      }
    });

    it('keeps the record of a released lease, expired, with its generation', async () => {
      const { store, cleanup } = await freshStore();
      try {
        const granted = await store.acquire('projection:x', 'node-a', 60_000);
        await store.release('projection:x', 'node-a');
        const [released] = await store.list();
        expect(released).toMatchObject({ name: 'projection:x', holder: 'node-a', generation: 1 });
        expect(released!.expiresAt).toBeLessThan(granted!.expiresAt);
        expect(await store.acquire('projection:x', 'node-a', 60_000)).toMatchObject({ generation: 1 });
      } finally {
        await cleanup();
      }
    });
  });
});
