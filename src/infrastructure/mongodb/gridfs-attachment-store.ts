import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, type Filter, type GridFSFile, type MongoClient, type ObjectId } from 'mongodb';
import type { AttachmentDescription, AttachmentStore, StoredAttachment } from '../../application/shared/ports/attachment-store.port';
import { isDuplicateKey, withMongoErrors } from './mongo-errors';

const BUCKET = 'attachments';

// GridFS takes any value as a file's _id; the driver's typings say ObjectId only. Our ids are strings.
const fileId = (id: string): ObjectId => id as unknown as ObjectId;

interface AttachmentMetadata {
  readonly contentType: string;
}

/**
 * Attachments in GridFS (bucket `attachments`), under the id the caller chose. GridFS writes the chunks first and
 * the file document last, so a file without its document is an interrupted upload: it is cleared and written again.
 */
export class GridFsAttachmentStore implements AttachmentStore {
  private readonly bucket: GridFSBucket;

  constructor(
    private readonly client: MongoClient,
    private readonly databaseName: string,
  ) {
    this.bucket = new GridFSBucket(client.db(databaseName), { bucketName: BUCKET, writeConcern: { w: 'majority' } });
  }

  async put(id: string, bytes: Buffer, { contentType, fileName }: AttachmentDescription): Promise<void> {
    await withMongoErrors(async () => {
      if (await this.fileOf(id)) return;
      await this.client.db(this.databaseName).collection(`${BUCKET}.chunks`).deleteMany({ files_id: id });
      const metadata: AttachmentMetadata = { contentType };
      try {
        await pipeline(Readable.from([bytes]), this.bucket.openUploadStreamWithId(fileId(id), fileName, { metadata }));
      } catch (error) {
        // Another writer stored the same id meanwhile: the first write stands, as the port says.
        if (!isDuplicateKey(error)) throw error;
      }
    });
  }

  async get(id: string): Promise<StoredAttachment | null> {
    return withMongoErrors(async () => {
      const file = await this.fileOf(id);
      if (!file) return null;
      const parts: Buffer[] = [];
      for await (const chunk of this.bucket.openDownloadStream(fileId(id))) parts.push(chunk as Buffer);
      const metadata = (file.metadata ?? {}) as Partial<AttachmentMetadata>;
      return {
        bytes: Buffer.concat(parts),
        contentType: metadata.contentType ?? 'application/octet-stream',
        fileName: file.filename,
        size: file.length,
      };
    });
  }

  private fileOf(id: string): Promise<GridFSFile | null> {
    return this.bucket.find({ _id: fileId(id) } as Filter<GridFSFile>, { limit: 1 }).next();
  }
}
