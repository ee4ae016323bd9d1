import type { AttachmentDescription, AttachmentStore, StoredAttachment } from '../../application/shared/ports/attachment-store.port';

/** Attachments in a Map, for unit tests; copies in and out so callers cannot change what is stored. */
export class InMemoryAttachmentStore implements AttachmentStore {
  private readonly files = new Map<string, StoredAttachment>();

  async put(id: string, bytes: Buffer, { contentType, fileName }: AttachmentDescription): Promise<void> {
    if (this.files.has(id)) return;
    this.files.set(id, { bytes: Buffer.from(bytes), contentType, fileName, size: bytes.length });
  }

  async get(id: string): Promise<StoredAttachment | null> {
    const file = this.files.get(id);
    return file ? { ...file, bytes: Buffer.from(file.bytes) } : null;
  }
}
