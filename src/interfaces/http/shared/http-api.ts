import { Router } from 'express';
import type { ApiInfo, OpenApiDocument } from './openapi-document';
import { buildOpenApiDocument } from './openapi-document';
import type { AccessControl } from './route-handler';
import { createRouteHandler } from './route-handler';
import type { RouteDefinition, RouteSummary } from './route-definition';
import { assertSupportedPath } from './route-definition';
import { literalsFirst } from './route-table';

/** The routes of the REST adapter: one list that serves requests, the OpenAPI document and the permission table. */
export class HttpApi {
  private readonly definitions: RouteDefinition[] = [];

  constructor(private readonly access: AccessControl) {}

  add(...routes: RouteDefinition[]): this {
    for (const route of routes) {
      assertSupportedPath(route.path);
      const key = `${route.method} ${normalisePath(route.path)}`;
      if (this.definitions.some((existing) => `${existing.method} ${normalisePath(existing.path)}` === key)) {
        throw new Error(`Route ${route.method.toUpperCase()} ${route.path} is already registered`);
      }
      if (this.definitions.some((existing) => existing.operationId === route.operationId)) {
        throw new Error(`Operation id ${route.operationId} is already registered`);
      }
      this.definitions.push(route);
    }
    return this;
  }

  routes(): RouteSummary[] {
    return this.definitions.map(({ method, path, operationId, permission }) => ({ method, path, operationId, permission }));
  }

  routeDefinitions(): readonly RouteDefinition[] {
    return [...this.definitions];
  }

  router(): Router {
    const router = Router();
    for (const route of literalsFirst(this.definitions)) router[route.method](route.path, createRouteHandler(route, this.access));
    return router;
  }

  openApiDocument(info: ApiInfo): OpenApiDocument {
    return buildOpenApiDocument(this.definitions, info);
  }
}

const normalisePath = (path: string): string =>
  path
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/:[A-Za-z0-9_]+/g, ':');
