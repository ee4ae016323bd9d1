import { SqliteAttachmentStore } from '../../src/infrastructure/sqlite/sqlite-attachment-store';
import { describeAttachmentStoreContract } from './attachment-store.contract';
import { perTestSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';

describeAttachmentStoreContract('sqlite', async () => {
  const file = tempSqliteFile();
  const database = file.open();
  return {
    store: new SqliteAttachmentStore(database),
    cleanup: async () => {
      database.close();
      file.remove();
    },
  };
});

describe('SqliteAttachmentStore, beyond the contract', () => {
  const temp = perTestSqliteFile();

  it('shares files with another connection to the same file', async () => {
    const [first, second] = [temp.file.open(), temp.file.open()];
    temp.closeLater(first, second);
    await new SqliteAttachmentStore(first).put('a-1', Buffer.from('photo'), { contentType: 'image/png', fileName: 'a.png' });

    expect((await new SqliteAttachmentStore(second).get('a-1'))!.bytes.toString()).toBe('photo');
  });
});
