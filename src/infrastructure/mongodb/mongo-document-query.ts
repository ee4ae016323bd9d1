import type { Document as MongoDocument } from 'mongodb';
import type { DocumentFilter, Scalar } from '../../application/shared/ports/document-store.port';
import { conditionOperators, type Operator } from '../store-kit/document-filter';
import { assertFieldPath } from '../store-kit/document-naming';

/*
 * Translates DocumentStore filters into MongoDB queries with the semantics of ../store-kit/document-filter.ts.
 * Mongo's own equality is already typed (27 never matches '27' or true) and its range operators already compare
 * within a type, but it looks inside arrays: `{ tags: 'x' }` matches ['x'], and `a.b` reaches into an array `a`.
 * The reference reads plain paths only (an array on the way makes the value missing, an array at the end is
 * compared whole), so every condition carries guards against arrays.
 */

/**
 * The BSON types of JSON values other than null. Unique indexes cover only documents holding one of these (their
 * partial filter), and the planner proves a query inside such a filter only from an identical `$type` clause; so
 * conditions that need a value state it, and lookups by a unique field can use its index.
 */
export const VALUE_TYPES: readonly string[] = ['string', 'number', 'bool', 'object', 'array'];

/** Matches no document: an empty `$in` on the primary key. */
export const MATCH_NOTHING: MongoDocument = { _id: { $in: [] } };

const NOT_ARRAY = { $not: { $type: 'array' } };

/** The stored field for a document path: the document's id is also its `_id`, which the primary index serves. */
export const storedPath = (path: string): string => {
  assertFieldPath(path);
  return path === 'id' ? '_id' : path;
};

/** The proper prefixes of a dotted path: `a.b.c` gives `a` and `a.b`. */
export const pathPrefixes = (path: string): string[] => {
  const segments = path.split('.');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('.'));
};

const either = (alternatives: MongoDocument[]): MongoDocument =>
  alternatives.length === 1 ? (alternatives[0] as MongoDocument) : { $or: alternatives };

/** A condition on the value at `path` that never holds when the reference reads no value there. */
const onValue = (path: string, condition: MongoDocument, types: string | readonly string[] = VALUE_TYPES): MongoDocument => ({
  ...Object.fromEntries(pathPrefixes(path).map((prefix) => [prefix, NOT_ARRAY])),
  [path]: { ...condition, $type: types, ...NOT_ARRAY },
});

/** Where the reference reads missing or null: null, missing (also below a scalar), or below an array. */
const missingOrNull = (path: string): MongoDocument[] => [
  { [path]: { $eq: null, ...NOT_ARRAY } },
  ...pathPrefixes(path).map((prefix) => ({ [prefix]: { $type: 'array' } })),
];

const equals = (path: string, operand: Scalar): MongoDocument =>
  operand === null ? either(missingOrNull(path)) : onValue(path, { $eq: operand });

const inList = (path: string, candidates: readonly Scalar[]): MongoDocument => {
  const values = candidates.filter((candidate) => candidate !== null);
  const alternatives = [
    ...(values.length > 0 ? [onValue(path, { $in: values })] : []),
    ...(candidates.includes(null) ? missingOrNull(path) : []),
  ];
  return alternatives.length === 0 ? MATCH_NOTHING : either(alternatives);
};

/** Regex metacharacters are escaped so the operand matches literally; a NUL byte, which Mongo refuses in a pattern, is spelled out. */
export const literalPattern = (text: string): string =>
  text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\0/g, '\\x00');

const operatorQuery = (path: string, operator: Operator, operand: unknown): MongoDocument => {
  switch (operator) {
    case '$eq':
      return equals(path, operand as Scalar);
    case '$ne':
      return { $nor: [equals(path, operand as Scalar)] };
    case '$in':
      return inList(path, operand as readonly Scalar[]);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return onValue(path, { [operator]: operand }, typeof operand === 'number' ? 'number' : 'string');
    case '$contains':
      return onValue(path, { $regex: literalPattern(operand as string), $options: 'i' });
    default: {
      const exhaustive: never = operator;
      return exhaustive;
    }
  }
};

/** The query for a filter; validates paths, operators and operands first, like every adapter. */
export const documentQuery = (filter: DocumentFilter | undefined): MongoDocument => {
  const clauses = Object.entries(filter ?? {}).flatMap(([path, condition]) => {
    const field = storedPath(path);
    return conditionOperators(condition).map(([operator, operand]) => operatorQuery(field, operator, operand));
  });
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? (clauses[0] as MongoDocument) : { $and: clauses };
};
