import type { Express } from 'express';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import { roleHasPermission } from '../application/identity/permission-table';
import type { DocumentStore } from '../application/shared/ports/document-store.port';
import type { EventStore } from '../application/shared/ports/event-store.port';
import type { ProjectionRunner } from '../application/shared/projections/projection-runner';
import type { JwtTokenService } from '../infrastructure/security/jwt-token-service';
import { createPassportAuthenticator } from '../infrastructure/security/passport-authenticator';
import type { SqliteDatabase } from '../infrastructure/sqlite/sqlite-database';
import { apiRoutes } from '../interfaces/http/api-routes';
import type { HttpDependencies } from '../interfaces/http/http-dependencies';
import { createHttpApp, HttpApi, type Readiness } from '../interfaces/http/shared';
import type { Config } from './config';
import { createContainer } from './container';
import { TOKENS } from './tokens';

export interface Opsledger {
  readonly app: Express;
  readonly api: HttpApi;
  readonly container: Container;
  readonly runner: ProjectionRunner;
  readonly eventStore: EventStore;
  close(): Promise<void>;
}

const VERSION = '0.1.0';

/** Builds the whole service on the embedded default; the caller decides whether to listen. */
export const createOpsledger = async (config: Config, logger: Logger): Promise<Opsledger> => {
  const container = createContainer(config, logger);
  const eventStore = container.get<EventStore>(TOKENS.eventStore);
  const documentStore = container.get<DocumentStore>(TOKENS.documentStore);
  const runner = container.get<ProjectionRunner>(TOKENS.projectionRunner);
  const tokens = container.get<JwtTokenService>(TOKENS.tokenService);

  const api = new HttpApi({
    authenticate: createPassportAuthenticator(tokens),
    authorize: (actor, permission) => roleHasPermission(actor.role, permission),
  }).add(...apiRoutes(container.get<HttpDependencies>(TOKENS.httpDependencies)));

  if (config.RUN_PROJECTIONS) await runner.start();

  const readiness = async (): Promise<Readiness> => {
    const checks: Readiness['checks'] = {};
    try {
      checks['eventStore'] = { status: 'up', detail: `head position ${await eventStore.headPosition()}` };
    } catch (error) {
      checks['eventStore'] = { status: 'down', detail: (error as Error).message };
    }
    for (const status of runner.statuses()) {
      checks[`projection:${status.name}`] = status.lastError
        ? { status: 'down', detail: status.lastError }
        : { status: 'up', detail: `position ${status.position}` };
    }
    return { ready: Object.values(checks).every((c) => c.status === 'up'), checks };
  };

  const app = createHttpApp({
    api,
    logger,
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    health: { live: () => ({ status: 'ok' }), ready: readiness },
    info: { title: 'opsledger', version: VERSION },
  });

  return {
    app,
    api,
    container,
    runner,
    eventStore,
    close: async () => {
      await runner.stop();
      await eventStore.close();
      await documentStore.close();
      container.get<SqliteDatabase>(TOKENS.database).close();
    },
  };
};
