import type { Document } from '../ports/document-store.port';
import type { ProjectionView } from '../ports/projection.port';

/**
 * Replaces a read-model document by `change` of it; a document that is missing (its creating event was never
 * seen) stays missing, and `change` answering null leaves the document as it is.
 */
export const updateDocument = async <T extends Document>(
  view: ProjectionView,
  collection: string,
  id: string,
  change: (document: T) => T | null,
): Promise<void> => {
  const current = await view.get<T>(collection, id);
  const next = current && change(current);
  if (next) view.put(collection, next);
};
