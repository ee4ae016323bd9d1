import { invalid } from '../../domain/shared/domain-error';

/*
 * Collection names and field paths end up in SQL identifiers and JSON paths of the embedded store, so every
 * adapter accepts only these shapes; values are always bound as parameters.
 */
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const assertCollectionName = (name: string): void => {
  if (!COLLECTION_NAME.test(name)) {
    throw invalid('document_store.invalid_collection', `Invalid collection name: ${JSON.stringify(name)}`, { name });
  }
};

export const assertFieldPath = (path: string): void => {
  if (!FIELD_PATH.test(path)) {
    throw invalid('document_store.invalid_field', `Invalid field path: ${JSON.stringify(path)}`, { path });
  }
};
