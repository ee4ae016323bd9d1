import { MongoClient } from 'mongodb';
import { MongoLeaseStore } from '../../../../src/infrastructure/mongodb/mongo-lease-store';

/*
 * What the store decides before it talks to MongoDB, and how it reports a server it cannot reach. The behaviour
 * against a live replica set is the contract suite (tests/contract/mongodb-lease-store.spec.ts).
 */
describe('MongoLeaseStore without a server', () => {
  let client: MongoClient;
  let store: MongoLeaseStore;

  beforeEach(() => {
    // Nothing listens on port 1: any round trip fails with ECONNREFUSED once server selection gives up.
    client = new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 200 });
    store = new MongoLeaseStore(client, 'opsledger_unit');
  });

  afterEach(async () => {
    await client.close();
  });

  it('checks its arguments before any round trip', async () => {
    await expect(store.acquire('projection:x', 'node-a', 0)).rejects.toMatchObject({ code: 'lease.invalid_ttl' });
    await expect(store.acquire('projection:x', 'node-a', 2.5)).rejects.toMatchObject({ code: 'lease.invalid_ttl' });
    await expect(store.acquire(' ', 'node-a', 1_000)).rejects.toMatchObject({ code: 'lease.invalid_name' });
    await expect(store.release('projection:x', '')).rejects.toMatchObject({ code: 'lease.invalid_holder' });
  });

  it('reports a server it cannot reach as unavailable', async () => {
    await expect(store.acquire('projection:x', 'node-a', 1_000)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'store.unavailable',
    });
  });
});
