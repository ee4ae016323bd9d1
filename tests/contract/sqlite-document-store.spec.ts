import fs from 'node:fs';
import { SqliteDocumentStore, type SqliteDocumentStoreOptions } from '../../src/infrastructure/sqlite/sqlite-document-store';
import { UNIQUE_VIOLATION } from '../../src/infrastructure/store-kit/store-errors';
import { whereClause } from '../../src/infrastructure/sqlite/sqlite-document-query';
import { describeDocumentStoreContract } from './document-store.contract';
import { onFreshSqliteFile, perTestSqliteFile } from './support/temp-sqlite-database';

describeDocumentStoreContract('sqlite', onFreshSqliteFile((database) => new SqliteDocumentStore(database)));

// The same contract with every commit that changes documents made on the writer thread.
describeDocumentStoreContract(
  'sqlite, commits on the writer thread',
  onFreshSqliteFile((database) => new SqliteDocumentStore(database, { writerThread: 'all' })),
);

describe('SqliteDocumentStore, beyond the contract', () => {
  const temp = perTestSqliteFile();

  const open = (options?: SqliteDocumentStoreOptions) => {
    const database = temp.file.open();
    const store = new SqliteDocumentStore(database, options);
    temp.closeLater(database, store);
    return { database, store };
  };

  it('answers filters on declared fields from the expression index', async () => {
    const { store, database } = open();
    await store.ensureCollection({ name: 'serials', indexes: [{ fields: ['batch.code', 'status'] }] });
    const where = whereClause({ 'batch.code': 'B-7', status: { $in: ['active', 'claimed'] } });
    const plan = database.connection
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "rm_serials" WHERE ${where.sql}`)
      .all(...where.params) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING INDEX rm_serials:index:batch.code,status');
  });

  it('puts bulk commits on the writer thread, in order with the commits made here', async () => {
    const { store } = open();
    // Several parts: the thread applies them in one transaction.
    const docs = Array.from({ length: 2_500 }, (_, i) => ({ id: `s${i}`, status: 'active' }));
    const bulk = store.commit(docs.map((document) => ({ op: 'put', collection: 'serials', document })), { name: 'serials-v1', position: 10 }, { bulk: true });
    // Made while the bulk commit is on the thread: applied after it, so its older checkpoint makes it a no-op.
    const stale = store.commit([{ op: 'delete', collection: 'serials', id: 's1' }], { name: 'serials-v1', position: 9 });
    const later = store.commit([{ op: 'put', collection: 'serials', document: { id: 's1', status: 'sold' } }], { name: 'serials-v1', position: 11 });
    await Promise.all([bulk, stale, later]);

    expect((await store.find('serials')).total).toBe(2_500);
    expect(await store.get('serials', 's1')).toEqual({ id: 's1', status: 'sold' });
    expect(await store.getCheckpoint('serials-v1')).toBe(11);
  });

  it('writes nothing of a bulk commit whose later part breaks a unique index, and names the collection', async () => {
    const { store } = open();
    await store.ensureCollection({ name: 'users', indexes: [{ fields: ['email'], unique: true }] });
    const users = Array.from({ length: 2_500 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com` }));
    users[2_200] = { id: 'u2200', email: 'user10@example.com' };

    await expect(
      store.commit(users.map((document) => ({ op: 'put', collection: 'users', document })), { name: 'users-v1', position: 5 }, { bulk: true }),
    ).rejects.toMatchObject({ kind: 'conflict', code: UNIQUE_VIOLATION, details: { collection: 'users' } });

    expect((await store.find('users')).total).toBe(0);
    expect(await store.getCheckpoint('users-v1')).toBeNull();
    // The thread is still in order for the next commit.
    await store.commit(users.slice(0, 2_000).map((document) => ({ op: 'put', collection: 'users', document })), { name: 'users-v1', position: 5 }, { bulk: true });
    expect((await store.find('users')).total).toBe(2_000);
  });

  it('closes more than once, after commits on the writer thread', async () => {
    const { store } = open({ writerThread: 'all' });
    await store.commit([{ op: 'put', collection: 'serials', document: { id: 's1' } }], { name: 'serials-v1', position: 1 });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('rejects the commits of a writer thread that cannot run, then makes later commits on its own connection', async () => {
    const { store } = open({ writerThread: 'all' });
    await store.ensureCollection({ name: 'serials', indexes: [] });
    // The thread opens the file by name when it starts; this connection keeps the (unlinked) file open.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temp.file.filePath}${suffix}`, { force: true });

    await expect(
      store.commit([{ op: 'put', collection: 'serials', document: { id: 's1' } }], { name: 'serials-v1', position: 1 }),
    ).rejects.toMatchObject({ kind: 'unavailable', code: 'document_store.writer_failed' });
    await store.commit([{ op: 'put', collection: 'serials', document: { id: 's2' } }], { name: 'serials-v1', position: 2 });

    expect(await store.get('serials', 's1')).toBeNull();
    expect(await store.get('serials', 's2')).toEqual({ id: 's2' });
    expect(await store.getCheckpoint('serials-v1')).toBe(2);
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
