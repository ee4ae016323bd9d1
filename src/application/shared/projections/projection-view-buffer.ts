import type { Document, DocumentChange, DocumentStore } from '../ports/document-store.port';
import type { ProjectionView } from '../ports/projection.port';

type Writes = Map<string, Map<string, Document | null>>;

/**
 * Collects a batch's writes in memory; reads see them first, then the writes of the batch before if its
 * commit may still be in flight (`committing`), then the store. Committed as one change set.
 */
export class ProjectionViewBuffer implements ProjectionView {
  private readonly pending: Writes = new Map();
  /** Only the writes of `committing`, not the buffer: buffers of older batches must not stay reachable. */
  private readonly earlier: Writes | null;

  constructor(
    private readonly store: DocumentStore,
    committing?: ProjectionViewBuffer,
  ) {
    this.earlier = committing ? committing.pending : null;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const buffered = this.pending.get(collection);
    if (buffered?.has(id)) return (buffered.get(id) ?? null) as T | null;
    const earlier = this.earlier?.get(collection);
    if (earlier?.has(id)) return (earlier.get(id) ?? null) as T | null;
    return this.store.get<T>(collection, id);
  }

  put(collection: string, document: Document): void {
    this.collection(collection).set(document.id, document);
  }

  delete(collection: string, id: string): void {
    this.collection(collection).set(id, null);
  }

  changes(): DocumentChange[] {
    const changes: DocumentChange[] = [];
    for (const [collection, documents] of this.pending) {
      for (const [id, document] of documents) {
        changes.push(document ? { op: 'put', collection, document } : { op: 'delete', collection, id });
      }
    }
    return changes;
  }

  private collection(name: string): Map<string, Document | null> {
    let documents = this.pending.get(name);
    if (!documents) this.pending.set(name, (documents = new Map()));
    return documents;
  }
}
