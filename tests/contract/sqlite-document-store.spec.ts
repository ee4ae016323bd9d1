import { SqliteDocumentStore } from '../../src/infrastructure/sqlite/sqlite-document-store';
import { whereClause } from '../../src/infrastructure/sqlite/sqlite-document-query';
import { describeDocumentStoreContract } from './document-store.contract';
import { type TempSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';

describeDocumentStoreContract('sqlite', async () => {
  const file = tempSqliteFile();
  const database = file.open();
  const store = new SqliteDocumentStore(database);
  return {
    store,
    cleanup: async () => {
      await store.close();
      database.close();
      file.remove();
    },
  };
});

describe('SqliteDocumentStore, beyond the contract', () => {
  let file: TempSqliteFile;
  let toClose: { close(): unknown }[];

  const open = () => {
    const database = file.open();
    const store = new SqliteDocumentStore(database);
    toClose.push(database, store);
    return { database, store };
  };

  beforeEach(() => {
    file = tempSqliteFile();
    toClose = [];
  });

  afterEach(async () => {
    for (const closable of toClose.reverse()) await closable.close();
    file.remove();
  });

  it('answers filters on declared fields from the expression index', async () => {
    const { store, database } = open();
    await store.ensureCollection({ name: 'serials', indexes: [{ fields: ['batch.code', 'status'] }] });
    const where = whereClause({ 'batch.code': 'B-7', status: { $in: ['active', 'claimed'] } });
    const plan = database.connection
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "rm_serials" WHERE ${where.sql}`)
      .all(...where.params) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING INDEX rm_serials:index:batch.code,status');
  });

  it('shares read models and checkpoints with another connection to the same file', async () => {
    const writer = open();
    const reader = open();
    await writer.store.commit([{ op: 'put', collection: 'serials', document: { id: 's1', status: 'active' } }], {
      name: 'serials-v1',
      position: 7,
    });
    expect(await reader.store.get('serials', 's1')).toEqual({ id: 's1', status: 'active' });
    expect(await reader.store.getCheckpoint('serials-v1')).toBe(7);
    await reader.store.commit([{ op: 'delete', collection: 'serials', id: 's1' }], { name: 'serials-v1', position: 7 });
    expect(await writer.store.get('serials', 's1')).toEqual({ id: 's1', status: 'active' });
  });
});
