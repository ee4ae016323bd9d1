import type { AnyBulkWriteOperation, Document as MongoDocument } from 'mongodb';
import type { Document, DocumentChange } from '../../application/shared/ports/document-store.port';
import { assertCollectionName } from '../store-kit/document-naming';

/** A read-model document as stored: the document itself, its id also as `_id`. */
export interface StoredDocument extends MongoDocument {
  _id: string;
}

/** Consecutive changes to one collection: one ordered bulk write, so a commit keeps its order with few round trips. */
export interface WriteRun {
  readonly collection: string;
  readonly operations: AnyBulkWriteOperation<StoredDocument>[];
}

/**
 * The document as JSON would keep it, as the other adapters store it: undefined fields dropped, dates as strings,
 * and no object shared with the caller.
 */
export const asJson = (document: Document): MongoDocument => JSON.parse(JSON.stringify(document)) as MongoDocument;

const operationOf = (change: DocumentChange): AnyBulkWriteOperation<StoredDocument> =>
  change.op === 'put'
    ? { replaceOne: { filter: { _id: change.document.id }, replacement: asJson(change.document), upsert: true } }
    : { deleteOne: { filter: { _id: change.id } } };

/** Validates every collection name first, so an invalid commit sends nothing. */
export const writeRuns = (changes: readonly DocumentChange[]): WriteRun[] => {
  changes.forEach((change) => assertCollectionName(change.collection));
  const runs: WriteRun[] = [];
  for (const change of changes) {
    const last = runs[runs.length - 1];
    if (last && last.collection === change.collection) last.operations.push(operationOf(change));
    else runs.push({ collection: change.collection, operations: [operationOf(change)] });
  }
  return runs;
};
