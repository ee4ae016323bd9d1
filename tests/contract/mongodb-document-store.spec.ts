import { randomUUID } from 'node:crypto';
import type { MongoClient } from 'mongodb';
import type { Document, DocumentFilter } from '../../src/application/shared/ports/document-store.port';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { MongoDocumentStore } from '../../src/infrastructure/mongodb/mongo-document-store';
import { CHECKPOINT_MOVED, UNIQUE_VIOLATION } from '../../src/infrastructure/store-kit/store-errors';
import { describeOnEngine } from '../support/engines';
import { describeDocumentStoreContract } from './document-store.contract';

const freshDatabaseName = () => `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
const put = (collection: string, document: Document) => ({ op: 'put', collection, document }) as const;

// Runs against the replica set MONGODB_URL names (e.g. mongodb://localhost:27017/?replicaSet=rs0), in a fresh
// database per test, dropped afterwards.
describeOnEngine('mongodb', 'MongoDB document store', (url) => {
  describeDocumentStoreContract('mongodb', async () => {
    const client = await connectMongo(url);
    const databaseName = freshDatabaseName();
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

  describe('MongoDocumentStore, beyond the contract', () => {
    let client: MongoClient;
    let databaseName: string;
    let store: MongoDocumentStore;

    beforeEach(async () => {
      client = await connectMongo(url);
      databaseName = freshDatabaseName();
      store = new MongoDocumentStore(client, databaseName);
    });

    afterEach(async () => {
      await store.close();
      await client.db(databaseName).dropDatabase();
      await client.close();
    });

    it('applies exactly one of two parallel commits for one position made through different stores', async () => {
      const other = new MongoDocumentStore(client, databaseName);
      await store.ensureCollection({ name: 'customers', indexes: [] });
      await Promise.all([
        store.commit([put('customers', { id: 'first' })], { name: 'customers-v1', position: 5 }),
        other.commit([put('customers', { id: 'second' })], { name: 'customers-v1', position: 5 }),
      ]);
      expect((await store.find('customers')).total).toBe(1);
      expect(await other.getCheckpoint('customers-v1')).toBe(5);
    });

    it('fences out a commit whose previous checkpoint moved, writing nothing', async () => {
      await store.commit([put('customers', { id: 'a' })], { name: 'customers-v1', position: 3, previous: null });
      await expect(
        store.commit([put('customers', { id: 'b' })], { name: 'customers-v1', position: 4, previous: null }),
      ).rejects.toMatchObject({ code: CHECKPOINT_MOVED, details: { expected: null, stored: 3 } });
      expect(await store.get('customers', 'b')).toBeNull();
      expect(await store.getCheckpoint('customers-v1')).toBe(3);
    });

    it('lets documents that miss a unique field or hold null share the index', async () => {
      await store.ensureCollection({ name: 'customers', indexes: [{ fields: ['email'], unique: true }] });
      await store.commit([
        put('customers', { id: 'a' }),
        put('customers', { id: 'b' }),
        put('customers', { id: 'c', email: null }),
        put('customers', { id: 'd', email: null }),
        put('customers', { id: 'e', email: 'e@x.io' }),
      ]);
      await expect(store.commit([put('customers', { id: 'f', email: 'e@x.io' })])).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
        details: { collection: 'customers' },
      });
      expect((await store.find('customers', { filter: { email: 'e@x.io' } })).items).toEqual([{ id: 'e', email: 'e@x.io' }]);
    });

    it('sorts mixed types as the reference does: missing and null, booleans, numbers, strings', async () => {
      await store.commit([
        put('things', { id: 's', code: '1' }),
        put('things', { id: 'n', code: 1 }),
        put('things', { id: 't', code: true }),
        put('things', { id: 'f', code: false }),
        put('things', { id: 'z', code: null }),
        put('things', { id: 'm' }),
        put('things', { id: 'o', code: { x: 1 } }),
      ]);
      const ids = async (direction: 'asc' | 'desc') =>
        (await store.find('things', { sort: [{ field: 'code', direction }] })).items.map((thing) => thing.id);
      expect(await ids('asc')).toEqual(['m', 'z', 'f', 't', 'n', 's', 'o']);
      expect(await ids('desc')).toEqual(['o', 's', 'n', 't', 'f', 'm', 'z']);
    });

    it('compares arrays whole and reads nothing below them, like the reference', async () => {
      await store.commit([
        put('things', { id: 'a', tags: ['x'], lines: [{ sku: 'A' }] }),
        put('things', { id: 'b', tags: 'x', lines: { sku: 'A' } }),
      ]);
      const matching = async (filter: DocumentFilter) => (await store.find('things', { filter })).items.map((thing) => thing.id);
      expect(await matching({ tags: 'x' })).toEqual(['b']);
      expect(await matching({ tags: { $contains: 'X' } })).toEqual(['b']);
      expect(await matching({ 'lines.sku': 'A' })).toEqual(['b']);
      expect(await matching({ 'lines.sku': null })).toEqual(['a']);
      expect(await matching({ tags: { $ne: 'x' } })).toEqual(['a']);
    });
  });
});
