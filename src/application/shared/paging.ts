import type { DocumentFilter, DocumentStore, Document, SortField } from './ports/document-store.port';

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly totalPages: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** One page of a read-model collection, with totals for clients' pagers. */
export const findPage = async <T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: DocumentFilter,
  sort: readonly SortField[],
  { page, pageSize }: PageRequest,
): Promise<Page<T>> => {
  const { items, total } = await documents.find<T>(collection, {
    filter,
    sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return pageOf(items, total, { page, pageSize });
};

/** A page of `total` items, with the totals clients' pagers need. */
export const pageOf = <T>(items: readonly T[], total: number, { page, pageSize }: PageRequest): Page<T> => ({
  items,
  page,
  pageSize,
  total,
  totalPages: Math.ceil(total / pageSize),
});

/** Drops undefined entries so optional query parameters do not become filters. */
export const definedOnly = (filter: Record<string, DocumentFilter[string] | undefined>): DocumentFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as DocumentFilter;
