import { SqliteDocumentStore } from '../../src/infrastructure/sqlite/sqlite-document-store';
import { describeDocumentStoreContract } from './document-store.contract';
import { tempSqliteFile } from './support/temp-sqlite-database';

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
