import { randomUUID } from 'node:crypto';
import type { AttachmentStore } from '../../src/application/shared/ports/attachment-store.port';

export type AttachmentStoreFactory = () => Promise<{ store: AttachmentStore; cleanup: () => Promise<void> }>;

/** The behaviour every AttachmentStore adapter must show. Ids are unique per test, so a shared server works too. */
export const describeAttachmentStoreContract = (name: string, factory: AttachmentStoreFactory): void => {
  describe(`AttachmentStore contract: ${name}`, () => {
    let store: AttachmentStore;
    let cleanup: () => Promise<void>;
    let id: string;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      id = `attachment-${randomUUID()}`;
    });

    afterEach(async () => {
      await cleanup();
    });

    it('gives back what was put, byte for byte, with its type, name and size', async () => {
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x0d, 0x0a]);
      await store.put(id, bytes, { contentType: 'image/png', fileName: 'front.png' });

      const stored = await store.get(id);
      expect(stored).toEqual({ bytes: expect.any(Buffer), contentType: 'image/png', fileName: 'front.png', size: bytes.length });
      expect(Buffer.compare(stored!.bytes, bytes)).toBe(0);
    });

    it('answers null for an id never stored', async () => {
      expect(await store.get(id)).toBeNull();
    });

    it('keeps a file of several megabytes whole', async () => {
      const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
      await store.put(id, bytes, { contentType: 'image/jpeg', fileName: 'large.jpg' });

      const stored = await store.get(id);
      expect(stored?.size).toBe(bytes.length);
      expect(Buffer.compare(stored!.bytes, bytes)).toBe(0);
    });

    it('keeps the first file when an id is put again (a retried upload changes nothing)', async () => {
      await store.put(id, Buffer.from('first'), { contentType: 'image/png', fileName: 'first.png' });
      await store.put(id, Buffer.from('second, longer'), { contentType: 'image/webp', fileName: 'second.webp' });

      const stored = await store.get(id);
      expect(stored).toMatchObject({ contentType: 'image/png', fileName: 'first.png', size: 5 });
      expect(stored!.bytes.toString()).toBe('first');
    });

    it('keeps files apart, and an empty file is a file', async () => {
      const other = `${id}-other`;
      await Promise.all([
        store.put(id, Buffer.from('one'), { contentType: 'image/png', fileName: 'one.png' }),
        store.put(other, Buffer.alloc(0), { contentType: 'image/jpeg', fileName: 'empty.jpg' }),
      ]);

      expect((await store.get(id))!.bytes.toString()).toBe('one');
      expect(await store.get(other)).toMatchObject({ size: 0, fileName: 'empty.jpg' });
    });

    it('does not let a caller change a stored file through the buffer it put or got', async () => {
      const bytes = Buffer.from('original');
      await store.put(id, bytes, { contentType: 'image/png', fileName: 'a.png' });
      bytes.fill(0);
      const got = await store.get(id);
      got!.bytes.fill(0);

      expect((await store.get(id))!.bytes.toString()).toBe('original');
    });
  });
};
