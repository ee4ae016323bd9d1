import type { Document, DocumentFilter, DocumentStore, FieldCondition } from './ports/document-store.port';

/** What one cell of an export holds; the edge decides how it is encoded (CSV today). */
export type ExportCell = string | number | boolean | null;
export type ExportRow = readonly ExportCell[];

export interface ExportColumn<T> {
  readonly header: string;
  readonly value: (document: T) => ExportCell | undefined;
}

/** An export: which read-model documents (the list query's filter) and which columns of them. */
export interface ExportTable<T extends Document> {
  readonly collection: string;
  readonly filter: DocumentFilter;
  readonly columns: readonly ExportColumn<T>[];
}

export const EXPORT_PAGE_SIZE = 500;

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
  pageSize = EXPORT_PAGE_SIZE,
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

/**
 * The header row, then one row per document. The first page is read before the header is yielded, so a failing
 * store fails the export before anything reaches the client (who then gets a proper error, not half a file).
 */
export async function* exportRows<T extends Document>(
  documents: DocumentStore,
  table: ExportTable<T>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRow> {
  const pages = pagesOf<T>(documents, table.collection, table.filter, pageSize);
  const first = await pages.next();
  yield table.columns.map((column) => column.header);
  if (first.done) return;
  const rowOf = (document: T): ExportRow => table.columns.map((column) => column.value(document) ?? null);
  yield* first.value.map(rowOf);
  for await (const page of pages) yield* page.map(rowOf);
}
