import type { JobsQueryOptions, JobsSort, RemoveJobsOptions } from 'agenda';
import { invalid } from '../../domain/shared/domain-error';
import { CONTAINS_FUNCTION } from '../sqlite/sqlite-document-query';
import { epochMs } from './sqlite-job-row';

/*
 * Translates agenda's selectors (ids, names, data, unique keys) into SQL over `agenda_jobs`, with the
 * semantics of agenda's Mongo repository. Every value and every JSON path is a bound parameter; paths are
 * checked as well, so that a key means a field and never JSON-path syntax.
 */

export interface SqlWhere {
  readonly sql: string;
  readonly params: unknown[];
}

const PATH_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Fields that are columns; a unique key on one of them compares the column. */
const COLUMN_FIELDS: ReadonlyMap<string, { readonly column: string; readonly kind: 'string' | 'number' | 'date' | 'flag' }> = new Map([
  ['_id', { column: 'id', kind: 'string' }],
  ['type', { column: 'type', kind: 'string' }],
  ['priority', { column: 'priority', kind: 'number' }],
  ['nextRunAt', { column: 'next_run_at', kind: 'date' }],
  ['lockedAt', { column: 'locked_at', kind: 'date' }],
  ['disabled', { column: 'disabled', kind: 'flag' }],
] as const);

/** The fixed order in which sort keys apply (Mongo's repository builds its sort in this order too). */
const SORT_EXPRESSIONS: Readonly<Record<keyof JobsSort, string>> = {
  nextRunAt: 'next_run_at',
  lastRunAt: "json_extract(doc, '$.lastRunAt')",
  lastFinishedAt: "json_extract(doc, '$.lastFinishedAt')",
  priority: 'priority',
  name: 'name',
  data: "json_extract(doc, '$.data')",
};

const MATCH_ALL: SqlWhere = { sql: '1', params: [] };

const and = (parts: readonly SqlWhere[]): SqlWhere =>
  parts.length === 0 ? MATCH_ALL : { sql: parts.map((part) => part.sql).join(' AND '), params: parts.flatMap((part) => part.params) };

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const docPath = (dotted: string): string => {
  if (!dotted.split('.').every((segment) => PATH_SEGMENT.test(segment))) {
    throw invalid('agenda_jobs.invalid_path', `Invalid job field path: ${JSON.stringify(dotted)}`, { path: dotted });
  }
  return `$.${dotted}`;
};

const unsupported = (path: string, value: unknown) =>
  invalid('agenda_jobs.unsupported_value', `Cannot match ${path} against ${typeof value} values`, { path });

/** Equality on a JSON field with Mongo's typing: a string never equals a number, null also matches missing. */
const docEquals = (dotted: string, value: unknown): SqlWhere => {
  const path = docPath(dotted);
  if (value === null || value === undefined) return { sql: 'json_extract(doc, ?) IS NULL', params: [path] };
  // Dates inside the document were stored by JSON.stringify, as ISO strings.
  const operand = value instanceof Date ? value.toISOString() : value;
  if (typeof operand === 'string') {
    return { sql: "(json_type(doc, ?) = 'text' AND json_extract(doc, ?) = ?)", params: [path, path, operand] };
  }
  if (typeof operand === 'number') {
    return { sql: "(json_type(doc, ?) IN ('integer', 'real') AND json_extract(doc, ?) = ?)", params: [path, path, operand] };
  }
  if (typeof operand === 'boolean') return { sql: 'json_type(doc, ?) = ?', params: [path, String(operand)] };
  if (Array.isArray(operand)) {
    return { sql: "(json_type(doc, ?) = 'array' AND json_extract(doc, ?) = json(?))", params: [path, path, JSON.stringify(operand)] };
  }
  throw unsupported(dotted, value);
};

const fieldEquals = (dotted: string, value: unknown): SqlWhere => {
  const field = COLUMN_FIELDS.get(dotted);
  if (!field) return docEquals(dotted, value);
  if (field.kind === 'flag') {
    if (value !== true && value !== false && value !== null) throw unsupported(dotted, value);
    return { sql: `${field.column} = ?`, params: [value === true ? 1 : 0] };
  }
  if (value === null || value === undefined) return { sql: `${field.column} IS NULL`, params: [] };
  if (field.kind === 'date') return { sql: `${field.column} = ?`, params: [epochMs(value)] };
  if (typeof value !== field.kind) throw unsupported(dotted, value);
  return { sql: `${field.column} = ?`, params: [value] };
};

/** A data filter matches partially: a nested object is a set of dotted paths, as in Mongo's repository. */
const dataParts = (data: unknown, prefix = 'data'): SqlWhere[] =>
  isPlainObject(data)
    ? Object.entries(data).flatMap(([key, value]) =>
        isPlainObject(value) ? dataParts(value, `${prefix}.${key}`) : [docEquals(`${prefix}.${key}`, value)],
      )
    : [docEquals(prefix, data)];

const inList = (column: string, values: readonly string[], negated = false): SqlWhere => ({
  sql: `${column} ${negated ? 'NOT IN' : 'IN'} (SELECT value FROM json_each(?))`,
  params: [JSON.stringify(values)],
});

const stringsIn = (values: unknown): string[] =>
  Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];

const idParts = (id: unknown, ids: unknown): SqlWhere[] => {
  if (id) return [{ sql: 'id = ?', params: [String(id)] }];
  return Array.isArray(ids) && ids.length > 0 ? [inList('id', ids.map(String))] : [];
};

const nameParts = (name: unknown, names: unknown, notNames?: unknown): SqlWhere[] => {
  if (typeof name === 'string' && name !== '') return [{ sql: 'name = ?', params: [name] }];
  const included = stringsIn(names);
  if (included.length > 0) return [inList('name', included)];
  const excluded = stringsIn(notNames);
  return excluded.length > 0 ? [inList('name', excluded, true)] : [];
};

/** The jobs a remove/disable/enable selector names, or null when it names none (then nothing is touched). */
export const selectorWhere = (options: RemoveJobsOptions): SqlWhere | null => {
  const parts = [
    ...idParts(options.id, options.ids),
    ...nameParts(options.name, options.names, options.notNames),
    ...(options.data === undefined ? [] : dataParts(options.data)),
  ];
  return parts.length === 0 ? null : and(parts);
};

/** queryJobs' filters; `search` (a case-insensitive substring of the name) replaces name and names. */
export const queryWhere = (options: JobsQueryOptions): SqlWhere => {
  const search = typeof options.search === 'string' && options.search !== '' ? options.search : null;
  return and([
    ...idParts(options.id, options.ids),
    ...(search === null ? nameParts(options.name, options.names) : [{ sql: `${CONTAINS_FUNCTION}(name, ?)`, params: [search] }]),
    ...(options.data === undefined ? [] : dataParts(options.data)),
    ...(options.includeDisabled === false ? [{ sql: 'disabled = 0', params: [] }] : []),
  ]);
};

/** A job's unique key: the given paths equal the given values, among jobs of the same name. */
export const uniqueWhere = (name: string, unique: Readonly<Record<string, unknown>>): SqlWhere => {
  const keys = Object.entries(unique).filter(([path]) => path !== 'name');
  for (const [path, value] of keys) {
    if (isPlainObject(value)) throw unsupported(path, value);
  }
  return and([{ sql: 'name = ?', params: [name] }, ...keys.map(([path, value]) => fieldEquals(path, value))]);
};

/** ORDER BY for queryJobs: Mongo's default (next run, then last run, both latest first), insertion order last. */
export const orderBy = (sort: JobsSort | undefined): string => {
  const terms = (Object.keys(SORT_EXPRESSIONS) as (keyof JobsSort)[])
    .filter((key) => sort?.[key] !== undefined)
    .map((key) => `${SORT_EXPRESSIONS[key]} ${sort?.[key] === 'asc' ? 'ASC' : 'DESC'}`);
  const order = terms.length > 0 ? terms : [`${SORT_EXPRESSIONS.nextRunAt} DESC`, `${SORT_EXPRESSIONS.lastRunAt} DESC`];
  return [...order, 'rowid ASC'].join(', ');
};
