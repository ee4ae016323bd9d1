/** What a stored file is known by besides its id. */
export interface AttachmentDescription {
  readonly contentType: string;
  readonly fileName: string;
}

export interface StoredAttachment extends AttachmentDescription {
  readonly bytes: Buffer;
  readonly size: number;
}

/**
 * Files kept beside the events (a claim's photos): written once under an id the caller chooses, read back whole.
 * A second `put` under an id already stored changes nothing, so a retried upload is harmless.
 */
export interface AttachmentStore {
  put(id: string, bytes: Buffer, description: AttachmentDescription): Promise<void>;
  get(id: string): Promise<StoredAttachment | null>;
}
