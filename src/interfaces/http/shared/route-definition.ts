import type { z } from 'zod';
import type { RequestContext } from './request-context';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `'public'` or a permission string from the permission table, e.g. `warranty:activate`. */
export type RoutePermission = 'public' | (string & {});

/** Path and query parameters are objects (optionally refined or transformed). */
export type ParameterSchema = z.ZodObject | z.ZodPipe<z.ZodObject, z.ZodType>;

export interface ResponseHeaderSpec {
  description: string;
  schema?: { type: 'string' | 'integer' | 'number' | 'boolean' };
}

export interface ResponseSpec {
  description: string;
  /** Documents the body; omit it for empty responses. Error statuses without one document ProblemDetails. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  headers?: Record<string, ResponseHeaderSpec>;
}

/** A request body that is a file, not JSON: sent raw with one of `mediaTypes`, or as one multipart/form-data field. */
export interface UploadSpec {
  description: string;
  /** e.g. `text/csv`; matched like Content-Type (parameters such as charset are ignored). */
  mediaTypes: readonly string[];
  multipartField: string;
  maxBytes: number;
}

/**
 * A JSON body that may come as multipart/form-data instead, to carry files: up to `maxFiles` in `fileField`, its
 * text fields validated by the route's `body` schema like JSON.
 */
export interface MultipartSpec {
  description: string;
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
}

export interface UploadedFile {
  content: Buffer;
  mediaType: string;
  /** The name a multipart upload gave; null for a raw body. */
  filename: string | null;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** On routes that declare `upload`, when the request carried a file. */
  file?: UploadedFile;
  /** On routes that declare `multipart`: the files of a multipart request (none for JSON). */
  files?: UploadedFile[];
  context: RequestContext;
}

export interface HandlerResult {
  status: number;
  /** Sent as JSON unless `contentType` is given, then sent as-is (string or Buffer). */
  body?: unknown;
  /**
   * Sent chunk by chunk instead of `body`, as fast as the client reads. A failure before the first chunk still
   * answers problem+json; a later one aborts the response, so a client never takes half a file for a whole one.
   */
  stream?: AsyncIterable<string | Buffer>;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface RouteDefinition<
  P extends ParameterSchema | undefined = ParameterSchema | undefined,
  Q extends ParameterSchema | undefined = ParameterSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Express syntax with `:name` parameters only; a trailing slash on a request still matches. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  permission: RoutePermission;
  params?: P;
  query?: Q;
  body?: B;
  /** A file body instead of JSON (not together with `body`). */
  upload?: UploadSpec;
  /** Accepts the `body` as multipart/form-data too, with files (see MultipartSpec). */
  multipart?: MultipartSpec;
  responses: Record<number, ResponseSpec>;
  deprecated?: boolean;
  /** Documents the `Opsledger-Min-Position` header (read-your-writes); defaults to true for GET routes. */
  acceptsMinPosition?: boolean;
  /** Documents the `Idempotency-Key` header; defaults to true for every method but GET. */
  acceptsIdempotencyKey?: boolean;
  // Method syntax on purpose: it lets every typed route be stored as the unparameterised RouteDefinition.
  handler(input: HandlerInput<P, Q, B>): Promise<HandlerResult>;
}

export interface RouteSummary {
  method: HttpMethod;
  path: string;
  operationId: string;
  permission: RoutePermission;
}

const PATH_SEGMENT = /^(?:[A-Za-z0-9._~-]+|:[A-Za-z_][A-Za-z0-9_]*)$/;

/** Rejects path syntax the 405 matcher and the OpenAPI path conversion do not understand. */
export const assertSupportedPath = (path: string): void => {
  const segments = path.split('/').slice(1);
  if (!path.startsWith('/') || (path !== '/' && !segments.every((segment) => PATH_SEGMENT.test(segment)))) {
    throw new Error(`Route path ${path} must be literal segments and :name parameters`);
  }
};

/** Declares a route; the generics carry the parsed types of params, query and body into the handler. */
export const defineRoute = <
  P extends ParameterSchema | undefined = undefined,
  Q extends ParameterSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> => {
  assertSupportedPath(route.path);
  return route;
};
