import type { ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemResponseSchema } from './problem-details';
import { IDEMPOTENCY_KEY_HEADER, MIN_POSITION_HEADER } from './request-context';
import type { MultipartSpec, ResponseSpec, RouteDefinition, UploadSpec } from './route-definition';
import { toOpenApiPath } from './route-table';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

// A type alias (not an interface) so it fits OpenAPI's extensible InfoObject.
export type ApiInfo = {
  title: string;
  version: string;
  description?: string;
};

export const BEARER_SECURITY_SCHEME = 'bearerAuth';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation (see `errors`)',
  401: 'No valid bearer token',
  403: 'The token lacks the permission this operation needs',
  404: 'The resource does not exist',
  409: 'The resource changed concurrently or the operation conflicts with its state',
  413: 'The request body is too large',
  415: 'The request body has a media type this operation does not accept',
  422: 'The request is well-formed but breaks a business rule',
  500: 'Unexpected server error',
};

const minPositionHeader = z
  .string()
  .regex(/^\d+$/)
  .optional()
  .meta({ description: 'Wait (bounded) until read models reach this global position: read-your-writes' });

const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: 'Makes retries safe: a repeated request with the same key answers like the first' });

/** The header parameters the request context reads, where the route uses them. */
const headersOf = (route: RouteDefinition): z.ZodObject | undefined => {
  const headers = {
    ...((route.acceptsMinPosition ?? route.method === 'get') ? { [MIN_POSITION_HEADER]: minPositionHeader } : {}),
    ...((route.acceptsIdempotencyKey ?? route.method !== 'get')
      ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyHeader }
      : {}),
  };
  return Object.keys(headers).length > 0 ? z.object(headers) : undefined;
};

/** The error statuses an operation can answer with, given what it declares. */
const errorStatusesOf = (route: RouteDefinition): number[] => {
  const statuses = new Set<number>([400, 500]);
  if (route.permission !== 'public') [401, 403].forEach((status) => statuses.add(status));
  if (route.params) statuses.add(404);
  if (route.body || route.upload) [413, 415].forEach((status) => statuses.add(status));
  if (route.method !== 'get') [409, 422].forEach((status) => statuses.add(status));
  Object.keys(route.responses)
    .map(Number)
    .filter((status) => status >= 400)
    .forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
};

const problemResponse = (description: string): ResponseConfig => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemResponseSchema } },
});

const declaredResponse = (spec: ResponseSpec): ResponseConfig => ({
  description: spec.description,
  ...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } } : {}),
  ...(spec.headers
    ? {
        headers: Object.fromEntries(
          Object.entries(spec.headers).map(([name, header]) => [
            name,
            { description: header.description, schema: header.schema ?? { type: 'string' } },
          ]),
        ),
      }
    : {}),
});

const responsesOf = (route: RouteDefinition): RouteConfig['responses'] => {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    if (Number(status) < 400 || spec.schema) responses[status] = declaredResponse(spec);
  }
  for (const status of errorStatusesOf(route)) {
    const declared = route.responses[status];
    if (declared?.schema) continue;
    responses[String(status)] = problemResponse(declared?.description ?? ERROR_DESCRIPTIONS[status] ?? 'Error');
  }
  return responses;
};

/** A file body: raw with each accepted media type, or as the one binary field of a multipart form. */
const uploadBodyOf = (upload: UploadSpec): NonNullable<RouteConfig['request']>['body'] => ({
  required: true,
  description: `${upload.description} At most ${upload.maxBytes} bytes.`,
  content: {
    ...Object.fromEntries(upload.mediaTypes.map((type) => [type, { schema: z.string() }])),
    'multipart/form-data': {
      schema: z.object({ [upload.multipartField]: z.string().meta({ format: 'binary' }) }),
    },
  },
});

/** A JSON body that may also come as a multipart form: its fields, plus the files. */
const formBodyOf = (body: z.ZodType, form: MultipartSpec): NonNullable<RouteConfig['request']>['body'] => {
  const files = z
    .array(z.string().meta({ format: 'binary' }))
    .max(form.maxFiles)
    .optional()
    .meta({ description: `${form.description} (at most ${form.maxFiles} files of ${form.maxFileBytes} bytes each)` });
  const fields = body instanceof z.ZodObject ? body.extend({ [form.fileField]: files }) : z.object({ [form.fileField]: files });
  return { required: true, content: { 'application/json': { schema: body }, 'multipart/form-data': { schema: fields } } };
};

const routeConfigOf = (route: RouteDefinition): RouteConfig => {
  const headers = headersOf(route);
  return {
    method: route.method,
    path: toOpenApiPath(route.path),
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(route.deprecated ? { deprecated: true } : {}),
    security: route.permission === 'public' ? [] : [{ [BEARER_SECURITY_SCHEME]: [] }],
    'x-permission': route.permission,
    request: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(headers ? { headers } : {}),
      ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      ...(route.body && route.multipart ? { body: formBodyOf(route.body, route.multipart) } : {}),
      ...(route.upload ? { body: uploadBodyOf(route.upload) } : {}),
    },
    responses: responsesOf(route),
  };
};

/** OpenAPI 3.1 from the same zod schemas that validate requests, so the document cannot drift from the code. */
export const buildOpenApiDocument = (routes: readonly RouteDefinition[], info: ApiInfo): OpenApiDocument => {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of routes) registry.registerPath(routeConfigOf(route));
  // Schemas name themselves with zod's `.meta({ id })`; no prototype patching (extendZodWithOpenApi) needed.
  return new OpenApiGeneratorV31([problemResponseSchema, ...registry.definitions]).generateDocument({
    openapi: '3.1.0',
    info,
  });
};
