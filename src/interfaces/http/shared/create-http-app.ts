import type { Express } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import { createAccessLogMiddleware } from './access-log.middleware';
import { API_DOCS_ROUTES, createApiDocsRouter } from './api-docs.router';
import { createErrorHandler } from './error-handler.middleware';
import type { HealthProbes } from './health.routes';
import { healthRoutes } from './health.routes';
import { HttpApi } from './http-api';
import type { ApiInfo, OpenApiDocument } from './openapi-document';
import { buildOpenApiDocument } from './openapi-document';
import { requestContextMiddleware } from './request-context.middleware';
import { JSON_MEDIA_TYPES } from './route-handler';
import { createRouteNotFoundHandler } from './route-not-found.middleware';

export interface CreateHttpAppOptions {
  api: HttpApi;
  logger: Logger;
  /** express.json limit, e.g. '100kb'. */
  bodyLimit?: string | number;
  health: HealthProbes;
  info: ApiInfo;
  /** Express's `trust proxy` setting, so `clientIp` is the caller's address behind a load balancer. */
  trustProxy?: boolean | number | string | string[];
}

export const createHttpApp = ({
  api,
  logger,
  bodyLimit = '100kb',
  health,
  info,
  trustProxy = false,
}: CreateHttpAppOptions): Express => {
  const system = new HttpApi({ authenticate: async () => null, authorize: () => false }).add(
    ...healthRoutes(health, logger),
  );
  let document: OpenApiDocument | undefined;
  const openApiDocument = (): OpenApiDocument =>
    (document ??= buildOpenApiDocument([...system.routeDefinitions(), ...api.routeDefinitions()], info));
  const knownRoutes = [...system.routes(), ...API_DOCS_ROUTES, ...api.routes()];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(createAccessLogMiddleware(logger));
  app.use(requestContextMiddleware);
  app.use(express.json({ limit: bodyLimit, type: JSON_MEDIA_TYPES }));
  app.use(system.router());
  app.use(createApiDocsRouter(openApiDocument, info.title));
  app.use(api.router());
  app.use(createRouteNotFoundHandler(() => knownRoutes));
  app.use(createErrorHandler(logger));
  return app;
};
