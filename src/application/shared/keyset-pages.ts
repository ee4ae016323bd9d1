import type { Document, DocumentFilter, DocumentStore, FieldCondition } from './ports/document-store.port';

/** Adds "id after the last one seen" to the caller's filter, keeping any condition it already has on id. */
const after = (filter: DocumentFilter, lastId: string | null): DocumentFilter => {
  if (lastId === null) return filter;
  const existing: FieldCondition | undefined = filter['id'];
  const idCondition =
    existing === undefined
      ? { $gt: lastId }
      : typeof existing === 'object' && existing !== null
        ? { ...existing, $gt: lastId }
        : { $eq: existing, $gt: lastId };
  return { ...filter, id: idCondition };
};

/**
 * Every matching document, one page at a time by keyset (id ascending, `id > last`), so a collection of any size
 * is never held in memory and documents written meanwhile neither shift nor repeat the pages.
 */
export async function* pagesOf<T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: DocumentFilter,
  pageSize: number,
): AsyncGenerator<readonly T[]> {
  let lastId: string | null = null;
  for (;;) {
    const { items }: { items: readonly T[] } = await documents.find<T>(collection, {
      filter: after(filter, lastId),
      sort: [{ field: 'id', direction: 'asc' }],
      limit: pageSize,
    });
    if (items.length > 0) yield items;
    if (items.length < pageSize) return;
    lastId = items[items.length - 1]!.id;
  }
}
