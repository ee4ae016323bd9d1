import type { Request } from 'express';
import { z } from 'zod';
import type { DomainErrorKind } from '../../../src/domain/shared/domain-error';
import { DomainError, unauthorized } from '../../../src/domain/shared/domain-error';
import type { Actor, HealthProbes, Readiness } from '../../../src/interfaces/http/shared';
import { HttpApi, createHttpApp, createHttpLogger, defineRoute } from '../../../src/interfaces/http/shared';

/** Small routes that exercise the edge framework; no context's real routes are involved. */
const widgetSchema = z
  .object({ id: z.number().int(), name: z.string(), quantity: z.number().int() })
  .meta({ id: 'DemoWidget' });

export const getWidgetRoute = defineRoute({
  method: 'get',
  path: '/api/demo/widgets/:widgetId',
  operationId: 'demoGetWidget',
  summary: 'Read one widget',
  tags: ['demo'],
  permission: 'public',
  params: z.object({ widgetId: z.coerce.number().int().positive() }),
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(10),
    tag: z.string().min(2).optional(),
  }),
  responses: { 200: { description: 'Found', schema: widgetSchema }, 404: { description: 'Unknown widget' } },
  handler: async ({ params, query, body, context }) => {
    const noBody: undefined = body;
    return {
      status: 200,
      headers: { 'Opsledger-Position': String(params.widgetId * 2) },
      body: {
        widgetId: params.widgetId,
        widgetIdType: typeof params.widgetId,
        limit: query.limit,
        limitPlusOne: query.limit + 1,
        tag: query.tag ?? null,
        hadBody: noBody !== undefined,
        context: {
          requestId: context.requestId,
          correlationId: context.correlationId,
          minPosition: context.minPosition,
          actor: context.actor,
          userAgent: context.userAgent,
          hasClientIp: typeof context.clientIp === 'string',
          hasSignal: context.signal instanceof AbortSignal,
        },
      },
    };
  },
});

export const createWidgetRoute = defineRoute({
  method: 'post',
  path: '/api/demo/widgets',
  operationId: 'demoCreateWidget',
  summary: 'Create a widget',
  tags: ['demo'],
  permission: 'widgets:create',
  body: z.object({
    name: z.string().min(3),
    quantity: z.number().int().positive(),
    consumer: z.object({ email: z.email() }),
  }),
  responses: { 201: { description: 'Created', schema: widgetSchema, headers: { Location: { description: 'The new widget' } } } },
  handler: async ({ body, context }) => ({
    status: 201,
    headers: { Location: '/api/demo/widgets/7' },
    body: {
      id: 7,
      name: body.name,
      quantity: body.quantity,
      createdBy: context.actor?.userId,
      idempotencyKey: context.idempotencyKey,
    },
  }),
});

export const deleteWidgetRoute = defineRoute({
  method: 'delete',
  path: '/api/demo/widgets/:widgetId',
  operationId: 'demoDeleteWidget',
  summary: 'Delete a widget',
  tags: ['demo'],
  permission: 'widgets:delete',
  params: z.object({ widgetId: z.coerce.number().int().positive() }),
  responses: { 204: { description: 'Deleted' } },
  handler: async () => ({ status: 204 }),
});

export const whoAmIRoute = defineRoute({
  method: 'get',
  path: '/api/demo/me',
  operationId: 'demoWhoAmI',
  summary: 'The calling actor',
  tags: ['demo'],
  permission: 'widgets:read',
  responses: { 200: { description: 'The actor' } },
  handler: async ({ context }) => ({ status: 200, body: context.actor }),
});

const failureKinds = ['invalid', 'not_found', 'conflict', 'unauthorized', 'forbidden', 'unavailable'] as const;

export const failRoute = defineRoute({
  method: 'post',
  path: '/api/demo/failures/:kind',
  operationId: 'demoFail',
  summary: 'Throws the requested failure',
  tags: ['demo'],
  permission: 'public',
  params: z.object({ kind: z.enum([...failureKinds, 'unexpected', 'zod']) }),
  responses: { 200: { description: 'Never' } },
  handler: async ({ params }) => {
    if (params.kind === 'unexpected') throw new Error('connection string postgres://admin:hunter2@db leaked');
    if (params.kind === 'zod') z.object({ nested: z.string() }).parse({ nested: 42 });
    const kind: DomainErrorKind = params.kind === 'zod' ? 'invalid' : params.kind;
    throw new DomainError(kind, `demo.${kind}`, `Demo ${kind} failure`, { widgetId: 'w-1', expected: 3 });
  },
});

export const reportRoute = defineRoute({
  method: 'get',
  path: '/api/demo/report',
  operationId: 'demoReport',
  summary: 'A CSV export',
  tags: ['demo'],
  permission: 'public',
  responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' } },
  handler: async () => ({ status: 200, contentType: 'text/csv', body: 'id,name\n7,bolt\n' }),
});

/** `Bearer <userId>:<role>`; `Bearer bad` is an invalid token; no header is anonymous. */
export const fakeAuthenticate = async (req: Request): Promise<Actor | null> => {
  const header = req.get('authorization');
  if (!header) return null;
  const [userId, role] = header.replace(/^Bearer /, '').split(':');
  if (!userId || !role) throw unauthorized('auth.invalid_token', 'The bearer token is invalid');
  return { userId, role, tenantId: role === 'admin' ? null : 'tenant-1' };
};

export const fakeAuthorize = (actor: Actor, permission: string): boolean =>
  actor.role === 'admin' || (actor.role === 'viewer' && permission === 'widgets:read');

export const demoApi = (): HttpApi =>
  new HttpApi({ authenticate: fakeAuthenticate, authorize: fakeAuthorize }).add(
    getWidgetRoute,
    createWidgetRoute,
    deleteWidgetRoute,
    whoAmIRoute,
    failRoute,
    reportRoute,
  );

export interface DemoAppOptions {
  bodyLimit?: string;
  ready?: () => Promise<Readiness>;
}

/** The app plus every log line it wrote, parsed. */
export const demoApp = (options: DemoAppOptions = {}) => {
  const logLines: Record<string, unknown>[] = [];
  const rawLog: string[] = [];
  const logger = createHttpLogger(
    { level: 'debug' },
    {
      write: (line: string) => {
        rawLog.push(line);
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  const health: HealthProbes = {
    live: () => ({ version: '0.1.0-test' }),
    ready: options.ready ?? (async () => ({ ready: true, checks: { eventStore: { status: 'up' } } })),
  };
  const app = createHttpApp({
    api: demoApi(),
    logger,
    health,
    info: { title: 'opsledger demo', version: '0.0.1' },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
  });
  return { app, logLines, rawLog };
};

/** Access-log lines are written when the response finishes, which may trail the client by a tick. */
export const waitForLogLine = async (
  lines: Record<string, unknown>[],
  predicate: (line: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> => {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const found = lines.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('log line never written');
};
