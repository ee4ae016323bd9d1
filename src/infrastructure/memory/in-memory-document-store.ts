import type {
  Checkpoint,
  CollectionSpec,
  Document,
  DocumentChange,
  DocumentStore,
  FindOptions,
  FindResult,
  IndexSpec,
} from '../../application/shared/ports/document-store.port';
import { documentComparator, documentPredicate, readPath } from '../store-kit/document-filter';
import { assertCollectionName, assertFieldPath } from '../store-kit/document-naming';
import { checkedCount, checkpointAllowsCommit, storeClosed, uniqueViolation } from '../store-kit/store-errors';

type Collection = Map<string, string>;

/**
 * Read models in process memory, with the same semantics as the durable adapters; for unit tests.
 * Documents are kept as JSON text so callers never share objects with the store.
 */
export class InMemoryDocumentStore implements DocumentStore {
  private collections = new Map<string, Collection>();
  private readonly uniqueIndexes = new Map<string, IndexSpec[]>();
  private readonly checkpoints = new Map<string, number>();
  private closed = false;

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    this.collection(spec.name);
    const unique = this.uniqueIndexes.get(spec.name) ?? [];
    for (const index of spec.indexes) {
      index.fields.forEach(assertFieldPath);
      const key = index.fields.join(',');
      if (index.unique && !unique.some((known) => known.fields.join(',') === key)) unique.push(index);
    }
    this.uniqueIndexes.set(spec.name, unique);
    this.assertUnique(spec.name, this.collection(spec.name));
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    const json = this.collection(collection).get(id);
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<FindResult<T>> {
    this.assertOpen();
    const limit = checkedCount('limit', options.limit) ?? Infinity;
    const offset = checkedCount('offset', options.offset) ?? 0;
    const comparator = documentComparator(options.sort);
    const predicate = documentPredicate(options.filter);
    const matching = [...this.collection(collection).values()]
      .map((json) => JSON.parse(json) as T)
      .filter(predicate)
      .sort(comparator);
    return { items: matching.slice(offset, offset + limit), total: matching.length };
  }

  async commit(changes: readonly DocumentChange[], checkpoint?: Checkpoint): Promise<void> {
    this.assertOpen();
    if (checkpoint && !checkpointAllowsCommit(checkpoint, this.checkpoints.get(checkpoint.name) ?? null)) return;
    const staged = new Map<string, Collection>();
    const stage = (name: string) => {
      const existing = staged.get(name) ?? new Map(this.collection(name));
      staged.set(name, existing);
      return existing;
    };
    for (const change of changes) {
      const documents = stage(change.collection);
      if (change.op === 'delete') {
        documents.delete(change.id);
        continue;
      }
      // Checked per put, like a database checks each statement: order within a commit matters.
      this.assertUniqueAgainst(change.collection, documents, change.document);
      documents.set(change.document.id, JSON.stringify(change.document));
    }
    for (const [name, documents] of staged) this.collections.set(name, documents);
    if (checkpoint) this.checkpoints.set(checkpoint.name, checkpoint.position);
  }

  async getCheckpoint(name: string): Promise<number | null> {
    this.assertOpen();
    return this.checkpoints.get(name) ?? null;
  }

  async reset(collections: readonly string[], checkpointName: string): Promise<void> {
    this.assertOpen();
    collections.forEach(assertCollectionName);
    for (const name of collections) this.collections.set(name, new Map());
    this.checkpoints.delete(checkpointName);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private collection(name: string): Collection {
    assertCollectionName(name);
    const existing = this.collections.get(name);
    if (existing) return existing;
    const created: Collection = new Map();
    this.collections.set(name, created);
    return created;
  }

  /** Like SQLite's unique indexes, a document missing any indexed field (or holding null) never conflicts. */
  private uniqueKeys(name: string, document: Document): { index: IndexSpec; key: string }[] {
    return (this.uniqueIndexes.get(name) ?? []).flatMap((index) => {
      const values = index.fields.map((field) => readPath(document, field));
      return values.some((value) => value === null || value === undefined) ? [] : [{ index, key: JSON.stringify(values) }];
    });
  }

  private assertUniqueAgainst(name: string, documents: Collection, candidate: Document): void {
    const keys = this.uniqueKeys(name, candidate);
    if (keys.length === 0) return;
    for (const [id, json] of documents) {
      if (id === candidate.id) continue;
      const other = this.uniqueKeys(name, JSON.parse(json) as Document);
      const clash = keys.find(({ index, key }) => other.some((o) => o.index === index && o.key === key));
      if (clash) throw uniqueViolation(name, clash.index.fields.join(', '));
    }
  }

  private assertUnique(name: string, documents: Collection): void {
    const seen = new Set<string>();
    for (const json of documents.values()) {
      for (const { index, key } of this.uniqueKeys(name, JSON.parse(json) as Document)) {
        const scoped = `${index.fields.join(',')}|${key}`;
        if (seen.has(scoped)) throw uniqueViolation(name, index.fields.join(', '));
        seen.add(scoped);
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed('document store');
  }
}
