import type { CollectionSpec, Document } from './document-store.port';
import type { EventFilter, RecordedEvent } from './event-store.port';

/** What a projection sees while it applies a batch: reads see its own pending writes. */
export interface ProjectionView {
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  put(collection: string, document: Document): void;
  delete(collection: string, id: string): void;
}

/** A read model builder: owns its collections, declares its indexes and the events it consumes. */
export interface Projection {
  /** Also the checkpoint name. Bump the suffix (`-v2`) when the document shape changes. */
  readonly name: string;
  readonly collections: readonly CollectionSpec[];
  readonly filter: EventFilter;
  apply(event: RecordedEvent, view: ProjectionView): Promise<void>;
}
