import type { AttachmentDescription, AttachmentStore, StoredAttachment } from '../../application/shared/ports/attachment-store.port';
import type { SqliteDatabase } from './sqlite-database';

const ATTACHMENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
)`;

interface AttachmentRow {
  readonly file_name: string;
  readonly content_type: string;
  readonly size: number;
  readonly bytes: Buffer;
}

/**
 * Attachments as BLOBs in the shared SQLite file, so one file still holds everything (and one backup copies it).
 * Photos are at most a few megabytes each; SQLite reads and writes BLOBs of that size without trouble.
 */
export class SqliteAttachmentStore implements AttachmentStore {
  private readonly insertStatement;
  private readonly readStatement;

  constructor(private readonly database: SqliteDatabase) {
    const connection = database.connection;
    connection.exec(ATTACHMENT_SCHEMA);
    this.insertStatement = connection.prepare<[string, string, string, number, Buffer]>(
      'INSERT INTO attachments (id, file_name, content_type, size, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.readStatement = connection.prepare<[string], AttachmentRow>('SELECT file_name, content_type, size, bytes FROM attachments WHERE id = ?');
  }

  async put(id: string, bytes: Buffer, { contentType, fileName }: AttachmentDescription): Promise<void> {
    if (this.database.checkpointWantsWriteLock) await this.database.yieldToCheckpoint();
    this.insertStatement.run(id, fileName, contentType, bytes.length, bytes);
  }

  async get(id: string): Promise<StoredAttachment | null> {
    const row = this.readStatement.get(id);
    return row ? { bytes: row.bytes, contentType: row.content_type, fileName: row.file_name, size: row.size } : null;
  }
}
