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
