import type { Document as MongoDocument } from 'mongodb';
import type { SortField } from '../../application/shared/ports/document-store.port';
import { pathPrefixes, storedPath } from './mongo-document-query';

/*
 * A page of documents as an aggregation. BSON orders mixed types null < numbers < strings < objects < arrays <
 * booleans, while the reference (../store-kit/document-filter.ts) orders missing/null < booleans < numbers <
 * strings < anything else; so each sort field becomes a computed type rank and a value, sorted in that order.
 * Within a rank BSON's order is the reference's for booleans, numbers and strings; objects and arrays (rank 4)
 * keep BSON's order among themselves. Ties always end on `_id` ascending, so pages are stable.
 */

/** The sort value the reference reads: nothing below an array, where `$a.b` would collect from the elements. */
const sortValue = (path: string): unknown => {
  const prefixes = pathPrefixes(path);
  if (prefixes.length === 0) return `$${path}`;
  return { $cond: [{ $or: prefixes.map((prefix) => ({ $isArray: [`$${prefix}`] })) }, null, `$${path}`] };
};

const typeRank = (value: string): MongoDocument => ({
  $switch: {
    branches: [
      { case: { $in: [{ $type: value }, ['missing', 'null']] }, then: 0 },
      { case: { $eq: [{ $type: value }, 'bool'] }, then: 1 },
      { case: { $isNumber: value }, then: 2 },
      { case: { $eq: [{ $type: value }, 'string'] }, then: 3 },
    ],
    default: 4,
  },
});

/** Stages that order the matched documents, wrapped as `{ _id, document, value<i>, rank<i> }` so no field can clash. */
const rankedSortStages = (sort: readonly SortField[]): MongoDocument[] => {
  const paths = sort.map(({ field }) => storedPath(field));
  const order = sort.flatMap(({ direction }, index) => {
    const sign = direction === 'desc' ? -1 : 1;
    return [
      [`rank${index}`, sign],
      [`value${index}`, sign],
    ];
  });
  return [
    { $project: { document: '$$ROOT', ...Object.fromEntries(paths.map((path, index) => [`value${index}`, sortValue(path)])) } },
    { $set: Object.fromEntries(paths.map((_, index) => [`rank${index}`, typeRank(`$value${index}`)])) },
    { $sort: { ...Object.fromEntries(order), _id: 1 } },
  ];
};

export interface PageWindow {
  readonly offset: number;
  /** Undefined: no limit. Never 0: a caller wanting no items runs no pipeline. */
  readonly limit: number | undefined;
}

/**
 * Match, order, window, and drop `_id` (the document keeps its own `id`). The window follows the sort directly,
 * so the server keeps only the top offset + limit while sorting; without sort fields the `_id` index gives the order.
 */
export const pagePipeline = (query: MongoDocument, sort: readonly SortField[], { offset, limit }: PageWindow): MongoDocument[] => {
  const window = [...(offset > 0 ? [{ $skip: offset }] : []), ...(limit !== undefined ? [{ $limit: limit }] : [])];
  const withoutId = { $project: { _id: 0 } };
  if (sort.length === 0) return [{ $match: query }, { $sort: { _id: 1 } }, ...window, withoutId];
  return [{ $match: query }, ...rankedSortStages(sort), ...window, { $replaceWith: '$document' }, withoutId];
};

/**
 * The total a page already proves, so the count query can be skipped: a page that is not full, and that is not
 * empty merely because the offset lies beyond the end, ends the matching documents. Null when unknown.
 */
export const totalShownByPage = ({ offset, limit }: PageWindow, returned: number): number | null => {
  const reachedEnd = limit === undefined || returned < limit;
  return reachedEnd && (returned > 0 || offset === 0) ? offset + returned : null;
};
