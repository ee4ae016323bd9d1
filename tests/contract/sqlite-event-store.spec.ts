import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { tempSqliteFile } from './support/temp-sqlite-database';

describeEventStoreContract('sqlite', async () => {
  const file = tempSqliteFile();
  const database = file.open();
  const store = new SqliteEventStore(database);
  return {
    store,
    cleanup: async () => {
      await store.close();
      database.close();
      file.remove();
    },
  };
});
