import type { IndexDescription } from 'mongodb';
import type { CollectionSpec, IndexSpec } from '../../application/shared/ports/document-store.port';
import { invalid } from '../../domain/shared/domain-error';
import { assertCollectionName } from '../store-kit/document-naming';
import { storedPath, VALUE_TYPES } from './mongo-document-query';

/** Read models live in `rm_<name>`, so they never collide with the store's own collections (`checkpoints`, `leases`). */
export const readModelCollection = (name: string): string => {
  assertCollectionName(name);
  return `rm_${name}`;
};

const isPrimaryKey = (index: IndexSpec) => index.fields.length === 1 && index.fields[0] === 'id';

/** The indexes a collection spec declares; the name encodes fields and uniqueness, so ensuring them again is a no-op. */
export const indexDescriptions = (spec: CollectionSpec): IndexDescription[] => {
  assertCollectionName(spec.name);
  return spec.indexes
    .map((index) => {
      if (index.fields.length === 0) throw invalid('document_store.invalid_index', `An index of ${spec.name} has no fields`);
      return { index, paths: index.fields.map(storedPath) };
    })
    // An index on `id` alone is the `_id` index every collection already has.
    .filter(({ index }) => !isPrimaryKey(index))
    .map(({ index, paths }) => {
      const description: IndexDescription = {
        key: Object.fromEntries(paths.map((path) => [path, 1])),
        name: `${index.unique ? 'unique' : 'index'}:${index.fields.join(',')}`,
      };
      if (!index.unique) return description;
      // Only documents holding a value in every field are indexed, so documents that miss one or hold null never
      // conflict, as in the reference (a partial filter cannot say `$ne: null`; `$type` is allowed).
      const partialFilterExpression = Object.fromEntries(paths.map((path) => [path, { $type: VALUE_TYPES }]));
      return { ...description, unique: true, partialFilterExpression };
    });
};
