import type { DocumentFilter, Scalar, SortField } from '../../application/shared/ports/document-store.port';
import { conditionOperators, type Operator } from '../store-kit/document-filter';
import { assertFieldPath } from '../store-kit/document-naming';

/*
 * Translates DocumentStore filters and sorts into SQL over `rm_<collection>(id, doc)` with the semantics of
 * ../store-kit/document-filter.ts. Field paths are validated before they become JSON-path literals (which must
 * match the expression indexes text for text); every value is a bound parameter.
 */

export const CONTAINS_FUNCTION = 'opsledger_icontains';

/** Case-insensitive substring test in JS, so SQLite agrees with the in-memory adapter beyond ASCII. */
export const containsIgnoringCase = (value: unknown, needle: unknown): number =>
  typeof value === 'string' && typeof needle === 'string' && value.toLowerCase().includes(needle.toLowerCase())
    ? 1
    : 0;

interface FieldSql {
  /** The SQL value: text for JSON strings, numbers for numbers, 1/0 for booleans, NULL for null or missing. */
  readonly value: string;
  /** json_type(): 'text', 'integer', 'real', 'true', 'false', 'null', 'object', 'array', or NULL when missing. */
  readonly type: string;
}

export const fieldExpression = (path: string): string => {
  assertFieldPath(path);
  return path === 'id' ? 'id' : `json_extract(doc, '$.${path}')`;
};

const fieldSql = (path: string): FieldSql =>
  path === 'id'
    ? { value: 'id', type: "'text'" }
    : { value: fieldExpression(path), type: `json_type(doc, '$.${path}')` };

const NUMBER_TYPES = "('integer', 'real')";

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

const equality = (field: FieldSql, operand: Scalar, params: unknown[]): string => {
  if (operand === null) return `${field.value} IS NULL`;
  if (typeof operand === 'boolean') {
    params.push(String(operand));
    return `${field.type} = ?`;
  }
  params.push(operand);
  return typeof operand === 'number'
    ? `(${field.value} = ? AND ${field.type} IN ${NUMBER_TYPES})`
    : `(${field.value} = ? AND ${field.type} = 'text')`;
};

const comparison = (field: FieldSql, sqlOperator: string, operand: unknown, params: unknown[]): string => {
  params.push(operand);
  const sameType = typeof operand === 'number' ? `${field.type} IN ${NUMBER_TYPES}` : `${field.type} = 'text'`;
  return `(${field.value} ${sqlOperator} ? AND ${sameType})`;
};

const RANGE_OPERATORS: Readonly<Record<'$gt' | '$gte' | '$lt' | '$lte', string>> = {
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
};

const operatorSql = (field: FieldSql, operator: Operator, operand: unknown, params: unknown[]): string => {
  switch (operator) {
    case '$eq':
      return equality(field, operand as Scalar, params);
    case '$ne':
      return `NOT coalesce(${equality(field, operand as Scalar, params)}, 0)`;
    case '$in': {
      const candidates = operand as readonly Scalar[];
      if (candidates.length === 0) return '0';
      return `(${candidates.map((candidate) => equality(field, candidate, params)).join(' OR ')})`;
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return comparison(field, RANGE_OPERATORS[operator], operand, params);
    case '$contains':
      params.push(operand);
      return `(${field.type} = 'text' AND ${CONTAINS_FUNCTION}(${field.value}, ?))`;
    default: {
      const exhaustive: never = operator;
      return exhaustive;
    }
  }
};

export const whereClause = (filter: DocumentFilter | undefined): SqlFragment => {
  const params: unknown[] = [];
  const conditions = Object.entries(filter ?? {}).flatMap(([path, condition]) => {
    const field = fieldSql(path);
    return conditionOperators(condition).map(([operator, operand]) => operatorSql(field, operator, operand, params));
  });
  return { sql: conditions.length === 0 ? '1' : conditions.join(' AND '), params };
};

/** Requested fields in order, then id ascending so every page boundary is stable. */
export const orderByClause = (sort: readonly SortField[] | undefined): string =>
  [
    ...(sort ?? []).map(({ field, direction }) => `${fieldExpression(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`),
    'id ASC',
  ].join(', ');
