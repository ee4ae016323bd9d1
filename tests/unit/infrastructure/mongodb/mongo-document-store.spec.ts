import { MongoClient } from 'mongodb';
import { MongoDocumentStore } from '../../../../src/infrastructure/mongodb/mongo-document-store';
import { STORE_CLOSED } from '../../../../src/infrastructure/store-kit/store-errors';

/*
 * What the store decides before it talks to MongoDB, and how it reports a server it cannot reach. The behaviour
 * against a live replica set is the contract suite (tests/contract/mongodb-document-store.spec.ts).
 */

/** Nothing listens on port 1: any round trip fails with ECONNREFUSED once server selection gives up. */
const unreachableClient = () => new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 200 });

describe('MongoDocumentStore without a server', () => {
  let client: MongoClient;
  let store: MongoDocumentStore;

  beforeEach(() => {
    client = unreachableClient();
    store = new MongoDocumentStore(client, 'opsledger_unit');
  });

  afterEach(async () => {
    await client.close();
  });

  it('rejects invalid names, paths, operators and counts before any round trip', async () => {
    await expect(store.get('Bad-Name', 'x')).rejects.toMatchObject({ code: 'document_store.invalid_collection' });
    await expect(store.ensureCollection({ name: 'customers', indexes: [{ fields: ['a b'] }] })).rejects.toMatchObject({
      code: 'document_store.invalid_field',
    });
    await expect(store.find('customers', { filter: { age: { $regex: '.*' } as never } })).rejects.toMatchObject({
      code: 'document_store.invalid_operator',
    });
    await expect(store.find('customers', { sort: [{ field: '$where', direction: 'asc' }] })).rejects.toMatchObject({
      code: 'document_store.invalid_field',
    });
    await expect(store.find('customers', { limit: -1 })).rejects.toMatchObject({ code: 'store.invalid_count' });
    await expect(store.find('customers', { offset: 1.5 })).rejects.toMatchObject({ code: 'store.invalid_count' });
    await expect(
      store.commit([{ op: 'put', collection: 'customers', document: { id: 'a' } }, { op: 'delete', collection: 'x-y', id: 'a' }]),
    ).rejects.toMatchObject({ code: 'document_store.invalid_collection' });
    await expect(store.reset(['customers', 'Bad'], 'customers-v1')).rejects.toMatchObject({
      code: 'document_store.invalid_collection',
    });
  });

  it('refuses every call once closed', async () => {
    await store.close();
    await expect(store.get('customers', 'a')).rejects.toMatchObject({ kind: 'unavailable', code: STORE_CLOSED });
    await expect(store.find('customers')).rejects.toMatchObject({ code: STORE_CLOSED });
    await expect(store.commit([])).rejects.toMatchObject({ code: STORE_CLOSED });
    await expect(store.getCheckpoint('customers-v1')).rejects.toMatchObject({ code: STORE_CLOSED });
    await expect(store.ensureCollection({ name: 'customers', indexes: [] })).rejects.toMatchObject({ code: STORE_CLOSED });
    await expect(store.reset(['customers'], 'customers-v1')).rejects.toMatchObject({ code: STORE_CLOSED });
  });

  it('reports a server it cannot reach as unavailable', async () => {
    await expect(store.get('customers', 'a')).rejects.toMatchObject({ kind: 'unavailable', code: 'store.unavailable' });
  });
});
