import { SqliteLeaseStore } from '../../src/infrastructure/sqlite/sqlite-lease-store';
import { describeLeaseStoreContract } from './lease-store.contract';
import { perTestSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';

describeLeaseStoreContract('sqlite', async () => {
  const file = tempSqliteFile();
  const database = file.open();
  return {
    store: new SqliteLeaseStore(database),
    cleanup: async () => {
      database.close();
      file.remove();
    },
  };
});

describe('SqliteLeaseStore, beyond the contract', () => {
  const temp = perTestSqliteFile();

  it('shares leases with another connection to the same file', async () => {
    const [first, second] = [temp.file.open(), temp.file.open()];
    temp.closeLater(first, second);
    const [a, b] = [new SqliteLeaseStore(first), new SqliteLeaseStore(second)];
    expect(await a.acquire('projection:warranties-v1', 'node-a', 60_000)).toMatchObject({ generation: 1 });
    expect(await b.acquire('projection:warranties-v1', 'node-b', 60_000)).toBeNull();
    await a.release('projection:warranties-v1', 'node-a');
    expect(await b.acquire('projection:warranties-v1', 'node-b', 60_000)).toMatchObject({ holder: 'node-b', generation: 2 });
  });
});
