import { pagesOf } from './keyset-pages';
import type { Document, DocumentFilter, DocumentStore } from './ports/document-store.port';

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
