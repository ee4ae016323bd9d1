/**
 * Read models: JSON documents in named collections, each with a string `id`.
 * Writes happen only through `commit`, which stores document changes and a projection checkpoint
 * atomically, so a projector never skips or double-applies an event.
 */
export interface Document {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Scalar = string | number | boolean | null;

/** A field condition: a plain value means equality. Fields may be dotted paths (`consumer.phone`). */
export type FieldCondition =
  | Scalar
  | {
      readonly $eq?: Scalar;
      readonly $ne?: Scalar;
      readonly $in?: readonly Scalar[];
      readonly $gt?: string | number;
      readonly $gte?: string | number;
      readonly $lt?: string | number;
      readonly $lte?: string | number;
      /** Case-insensitive substring match on a string field. */
      readonly $contains?: string;
    };

export type DocumentFilter = Readonly<Record<string, FieldCondition>>;

export interface SortField {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface FindOptions {
  readonly filter?: DocumentFilter;
  /** Ties are always broken by id ascending, so pages are stable. */
  readonly sort?: readonly SortField[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface FindResult<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface IndexSpec {
  readonly fields: readonly string[];
  readonly unique?: boolean;
}

export interface CollectionSpec {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
}

export type DocumentChange =
  | { readonly op: 'put'; readonly collection: string; readonly document: Document }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

export interface Checkpoint {
  readonly name: string;
  readonly position: number;
  /**
   * Fencing: the checkpoint the committer believes is stored (null: none yet). When given and the stored one
   * differs, another worker has moved it; the commit writes nothing and fails with `document_store.checkpoint_moved`.
   * When omitted, a commit whose position is not past the stored one writes nothing (a replay is a no-op).
   */
  readonly previous?: number | null;
}

export interface CommitOptions {
  /**
   * Part of a bulk load (a rebuild) whose caller prepares its next batch meanwhile: the store may apply it away
   * from the caller's thread. It still settles once applied, and commits still apply in the order they were made.
   * Live projections never set it: a store may then compete with the caller's other writes.
   */
  readonly bulk?: boolean;
}

export interface DocumentStore {
  /** Creates the collection and its declared indexes if they are missing. Idempotent. */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document>(collection: string, options?: FindOptions): Promise<FindResult<T>>;
  /** Applies all changes and, if given, the checkpoint, in one atomic step. */
  commit(changes: readonly DocumentChange[], checkpoint?: Checkpoint, options?: CommitOptions): Promise<void>;
  getCheckpoint(name: string): Promise<number | null>;
  /** Empties the collections and removes the checkpoint, atomically (used by rebuilds). */
  reset(collections: readonly string[], checkpointName: string): Promise<void>;
  close(): Promise<void>;
}
