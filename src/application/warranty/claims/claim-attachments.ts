import { createHash } from 'node:crypto';
import { invalid } from '../../../domain/shared/domain-error';
import type { ClaimAttachment } from '../../../domain/warranty/claim.events';
import type { AttachmentStore } from '../../shared/ports/attachment-store.port';

/** A photo as it arrived: the bytes and the name the client gave it. */
export interface ClaimUpload {
  readonly bytes: Buffer;
  readonly fileName: string;
}

export type ClaimPhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/**
 * The image type the bytes themselves announce (JPEG, PNG or WebP), or null. The client's Content-Type is not
 * trusted: a photo is served back with the type found here.
 */
export const sniffPhotoType = (bytes: Buffer): ClaimPhotoType | null => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
};

/** Keeps a name printable and short; it is shown to staff and sent back in Content-Disposition. */
const safeFileName = (name: string, index: number): string => {
  const cleaned = name.replace(/[^\w.\- ]+/g, '_').trim().slice(-120);
  return cleaned.length > 0 ? cleaned : `photo-${index + 1}`;
};

export interface PreparedPhoto {
  readonly attachment: ClaimAttachment;
  readonly bytes: Buffer;
}

/** Checks every photo and describes it; one bad file refuses them all (422 claim.invalid_attachment). */
export const preparePhotos = (uploads: readonly ClaimUpload[], idFor: (index: number) => string): PreparedPhoto[] =>
  uploads.map((upload, index) => {
    const contentType = sniffPhotoType(upload.bytes);
    if (!contentType) {
      throw invalid('claim.invalid_attachment', `${upload.fileName || `File ${index + 1}`} is not a JPEG, PNG or WebP image`, {
        fileName: upload.fileName,
        index,
      });
    }
    const attachment: ClaimAttachment = {
      attachmentId: idFor(index),
      fileName: safeFileName(upload.fileName, index),
      contentType,
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    };
    return { attachment, bytes: upload.bytes };
  });

/** Stores the photos before the claim that names them is written; a refused claim may leave them unreferenced. */
export const storePhotos = async (store: AttachmentStore, photos: readonly PreparedPhoto[]): Promise<void> => {
  await Promise.all(
    photos.map(({ attachment, bytes }) => store.put(attachment.attachmentId, bytes, { contentType: attachment.contentType, fileName: attachment.fileName })),
  );
};
