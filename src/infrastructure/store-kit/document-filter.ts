import type {
  Document,
  DocumentFilter,
  FieldCondition,
  Scalar,
  SortField,
} from '../../application/shared/ports/document-store.port';
import { invalid } from '../../domain/shared/domain-error';
import { assertFieldPath } from './document-naming';

/*
 * The reference semantics of DocumentStore filters and sorts, evaluated in JS:
 * - equality is typed (1 never equals '1' or true); null equality means missing or null;
 * - $ne is the negation of equality (so missing fields match $ne of a value);
 * - range operators compare only values of the operand's type (numbers with numbers, strings with strings);
 * - $contains is a case-insensitive substring match on string fields;
 * - sort order: missing/null first, then booleans, numbers, strings, anything else; ties by id ascending.
 */

export type Operator = '$eq' | '$ne' | '$in' | '$gt' | '$gte' | '$lt' | '$lte' | '$contains';
export const OPERATORS: readonly Operator[] = ['$eq', '$ne', '$in', '$gt', '$gte', '$lt', '$lte', '$contains'];

export const readPath = (document: unknown, path: string): unknown => {
  let value: unknown = document;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};

/** Splits a condition into operator/operand pairs, rejecting unknown operators; a plain value is $eq. */
export const conditionOperators = (condition: FieldCondition): [Operator, unknown][] => {
  if (condition === null || typeof condition !== 'object') {
    assertOperand('$eq', condition);
    return [['$eq', condition]];
  }
  return Object.entries(condition)
    .filter(([, operand]) => operand !== undefined)
    .map(([operator, operand]) => {
      if (!(OPERATORS as readonly string[]).includes(operator)) {
        throw invalid('document_store.invalid_operator', `Unknown filter operator: ${operator}`, { operator });
      }
      assertOperand(operator as Operator, operand);
      return [operator as Operator, operand];
    });
};

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const assertOperand = (operator: Operator, operand: unknown): void => {
  const valid =
    operator === '$in'
      ? Array.isArray(operand) && operand.every(isScalar)
      : operator === '$contains'
        ? typeof operand === 'string'
        : operator === '$eq' || operator === '$ne'
          ? isScalar(operand)
          : typeof operand === 'string' || typeof operand === 'number';
  if (!valid) {
    throw invalid('document_store.invalid_operand', `Invalid operand for ${operator}`, { operator });
  }
};

const equals = (value: unknown, operand: Scalar): boolean =>
  operand === null ? value === null || value === undefined : value === operand;

const compares = (value: unknown, operand: unknown, test: (order: number) => boolean): boolean => {
  if (typeof operand === 'number' && typeof value === 'number') return test(value - operand);
  if (typeof operand === 'string' && typeof value === 'string') return test(value < operand ? -1 : value > operand ? 1 : 0);
  return false;
};

const matchesOperator = (value: unknown, operator: Operator, operand: unknown): boolean => {
  switch (operator) {
    case '$eq':
      return equals(value, operand as Scalar);
    case '$ne':
      return !equals(value, operand as Scalar);
    case '$in':
      return (operand as readonly Scalar[]).some((candidate) => equals(value, candidate));
    case '$gt':
      return compares(value, operand, (order) => order > 0);
    case '$gte':
      return compares(value, operand, (order) => order >= 0);
    case '$lt':
      return compares(value, operand, (order) => order < 0);
    case '$lte':
      return compares(value, operand, (order) => order <= 0);
    case '$contains':
      return typeof value === 'string' && value.toLowerCase().includes(String(operand).toLowerCase());
    default: {
      const exhaustive: never = operator;
      return exhaustive;
    }
  }
};

/** Validates the filter once (paths, operators, operands) and returns the predicate it describes. */
export const documentPredicate = (filter: DocumentFilter | undefined): ((document: Document) => boolean) => {
  const conditions = Object.entries(filter ?? {}).map(([path, condition]) => {
    assertFieldPath(path);
    return { path, operators: conditionOperators(condition) };
  });
  return (document) =>
    conditions.every(({ path, operators }) => {
      const value = readPath(document, path);
      return operators.every(([operator, operand]) => matchesOperator(value, operator, operand));
    });
};

const typeRank = (value: unknown): number => {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return 4;
};

const compareValues = (left: unknown, right: unknown): number => {
  const rankOrder = typeRank(left) - typeRank(right);
  if (rankOrder !== 0 || typeRank(left) === 0) return rankOrder;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'boolean' || typeof left === 'string') {
    return left < (right as typeof left) ? -1 : left > (right as typeof left) ? 1 : 0;
  }
  const [a, b] = [JSON.stringify(left) ?? '', JSON.stringify(right) ?? ''];
  return a < b ? -1 : a > b ? 1 : 0;
};

export const documentComparator = (sort: readonly SortField[] | undefined) => {
  for (const { field } of sort ?? []) assertFieldPath(field);
  return (left: Document, right: Document): number => {
    for (const { field, direction } of sort ?? []) {
      const order = compareValues(readPath(left, field), readPath(right, field));
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
  };
};
