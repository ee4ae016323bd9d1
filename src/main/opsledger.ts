import type { Express } from 'express';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import type { RoleCatalog } from '../application/identity/role-catalog';
import type { EventStore } from '../application/shared/ports/event-store.port';
import type { ProjectionRunner } from '../application/shared/projections/projection-runner';
import type { JwtTokenService } from '../infrastructure/security/jwt-token-service';
import { createPassportAuthenticator } from '../infrastructure/security/passport-authenticator';
import { apiRoutes } from '../interfaces/http/api-routes';
import type { HttpDependencies } from '../interfaces/http/http-dependencies';
import { createHttpApp, HttpApi, type Readiness } from '../interfaces/http/shared';
import type { Config } from './config';
import { createContainer, type ContainerOverrides } from './container';
import { openEngines } from './engines';
import type { Scheduler } from '../application/shared/ports/scheduler.port';
import type { WorkerLeases } from '../application/shared/projections/worker-leases';
import type { PdfRenderer } from '../application/shared/ports/pdf-renderer.port';
import { registerJobs, type ScheduledWork } from './jobs';
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

/** Builds the whole service on the configured engines; the caller decides whether to listen. */
export const createOpsledger = async (config: Config, logger: Logger, overrides: ContainerOverrides = {}): Promise<Opsledger> => {
  const engines = await openEngines(config, logger);
  const container = createContainer(config, logger, engines, overrides);
  const scheduler = container.get<Scheduler>(TOKENS.scheduler);
  const eventStore = container.get<EventStore>(TOKENS.eventStore);
  const runner = container.get<ProjectionRunner>(TOKENS.projectionRunner);
  const tokens = container.get<JwtTokenService>(TOKENS.tokenService);

  const roles = container.get<RoleCatalog>(TOKENS.roleCatalog);

  const api = new HttpApi({
    authenticate: createPassportAuthenticator(tokens),
    authorize: (actor, permission) => roles.allows(actor, permission),
  }).add(...apiRoutes(container.get<HttpDependencies>(TOKENS.httpDependencies)));

  if (config.RUN_PROJECTIONS) await runner.start();
  await registerJobs(scheduler, container.get<ScheduledWork>(TOKENS.scheduledWork), config, config.RUN_JOBS);
  if (config.RUN_JOBS) await scheduler.start();
  const reactors = container.get<WorkerLeases>(TOKENS.reactors);
  if (config.RUN_REACTORS) await reactors.start();

  const readiness = async (): Promise<Readiness> => {
    const checks: Readiness['checks'] = {};
    for (const [role, state] of Object.entries(await engines.health())) {
      checks[role] = { status: state.ok ? 'up' : 'down', detail: [state.engine, state.detail].filter(Boolean).join(': ') };
    }
    for (const status of runner.statuses()) {
      checks[`projection:${status.name}`] = status.lastError
        ? { status: 'down', detail: status.lastError }
        : { status: 'up', detail: status.running ? `position ${status.position}` : 'runs on another instance' };
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
      if (config.RUN_JOBS) await scheduler.stop();
      // Before the stores close: a reactor finishes the notification in hand and stores its checkpoint.
      if (config.RUN_REACTORS) await reactors.stop();
      await runner.stop();
      await container.get<PdfRenderer>(TOKENS.pdfRenderer).close();
      await engines.close();
    },
  };
};
