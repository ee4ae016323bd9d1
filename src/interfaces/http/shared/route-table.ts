import type { HttpMethod } from './route-definition';

export interface RouteEntry {
  method: HttpMethod;
  path: string;
}

const segmentsOf = (path: string): string[] => path.split('/').filter((segment) => segment.length > 0);

/** Matches like Express's non-strict, case-insensitive routing: `/api/x/` is `/api/x`. */
const matches = (template: string, requestPath: string): boolean => {
  const expected = segmentsOf(template);
  const actual = segmentsOf(requestPath);
  return (
    expected.length === actual.length &&
    expected.every((segment, i) => segment.startsWith(':') || segment.toLowerCase() === actual[i]?.toLowerCase())
  );
};

/** The methods a path answers to, for the `Allow` header of a 405 (HEAD comes with GET, as in Express). */
export const allowedMethodsFor = (entries: readonly RouteEntry[], requestPath: string): string[] => {
  const methods = new Set<string>();
  for (const entry of entries) {
    if (!matches(entry.path, requestPath)) continue;
    methods.add(entry.method.toUpperCase());
    if (entry.method === 'get') methods.add('HEAD');
  }
  return [...methods].sort();
};

/** Express `:name` parameters become OpenAPI `{name}`. */
export const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

/**
 * Orders routes so a literal segment is tried before a parameter in the same place: express takes the first
 * match, and `/api/x/export` must not be read as `/api/x/:id` whichever was declared first. Stable otherwise.
 */
export const literalsFirst = <T extends RouteEntry>(entries: readonly T[]): T[] => {
  const kinds = (path: string) => segmentsOf(path).map((segment) => (segment.startsWith(':') ? 1 : 0));
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return [...entries].sort((a, b) => compare(kinds(a.path), kinds(b.path)));
};
