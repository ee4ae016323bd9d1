import { Container } from 'inversify';
import type { Logger } from 'pino';
import { AuthenticationService } from '../application/identity/authentication.service';
import { RegisterUserHandler } from '../application/identity/register-user.handler';
import { UserQueries } from '../application/identity/user.queries';
import { ChangeBatteryModelHandler } from '../application/inventory/change-battery-model.handler';
import { GenerateSerialBatchHandler } from '../application/inventory/generate-serial-batch.handler';
import { InventoryQueries } from '../application/inventory/inventory.queries';
import { MoveSerialNumberHandler } from '../application/inventory/move-serial-number.handler';
import { RegisterBatteryModelHandler } from '../application/inventory/register-battery-model.handler';
import { CommandExecutor } from '../application/shared/command-executor';
import type { CommandServices } from '../application/shared/command-services';
import { EventMetadataFactory } from '../application/shared/event-metadata.factory';
import type { Clock } from '../application/shared/ports/clock.port';
import type { DocumentStore } from '../application/shared/ports/document-store.port';
import type { EventStore } from '../application/shared/ports/event-store.port';
import type { IdGenerator } from '../application/shared/ports/id-generator.port';
import type { Projection } from '../application/shared/ports/projection.port';
import { ProjectionRunner } from '../application/shared/projections/projection-runner';
import { ProjectionWorker } from '../application/shared/projections/projection-worker';
import { UniqueKeys } from '../application/shared/unique-keys';
import { IdempotencyKeys } from '../application/shared/idempotency-keys';
import { ActivateWarrantyHandler } from '../application/warranty/activate-warranty.handler';
import { VoidWarrantyHandler } from '../application/warranty/void-warranty.handler';
import { WarrantyQueries } from '../application/warranty/warranty.queries';
import { OperationsQueries } from '../application/operations/operations.queries';
import { JwtTokenService } from '../infrastructure/security/jwt-token-service';
import { ScryptPasswordHasher } from '../infrastructure/security/scrypt-password-hasher';
import { AgendaScheduler } from '../infrastructure/agenda/agenda-scheduler';
import { CryptoIdGenerator } from '../infrastructure/system/crypto-id-generator';
import { SystemClock } from '../infrastructure/system/system-clock';
import type { HttpDependencies } from '../interfaces/http/http-dependencies';
import type { Scheduler } from '../application/shared/ports/scheduler.port';
import type { LeaseStore } from '../application/shared/ports/lease-store.port';
import type { Config } from './config';
import type { Engines } from './engines';
import { allProjections } from './projections';
import { TOKENS } from './tokens';

/** Binds every port to its adapter (the engines chosen by configuration) and every handler to its dependencies. */
export const createContainer = (config: Config, logger: Logger, engines: Engines): Container => {
  const container = new Container({ defaultScope: 'Singleton' });
  const bind = <T>(token: symbol, build: (get: <U>(t: symbol) => U) => T) =>
    container.bind<T>(token).toDynamicValue((ctx) => build((t) => ctx.get(t)));

  container.bind<Config>(TOKENS.config).toConstantValue(config);
  container.bind<Logger>(TOKENS.logger).toConstantValue(logger);
  bind<Clock>(TOKENS.clock, () => new SystemClock());
  bind<IdGenerator>(TOKENS.ids, () => new CryptoIdGenerator());
  container.bind<EventStore>(TOKENS.eventStore).toConstantValue(engines.eventStore);
  container.bind<DocumentStore>(TOKENS.documentStore).toConstantValue(engines.documentStore);
  container.bind<LeaseStore>(TOKENS.leaseStore).toConstantValue(engines.leaseStore);
  bind<Scheduler>(
    TOKENS.scheduler,
    () =>
      new AgendaScheduler({
        backend: engines.jobBackend,
        instance: config.INSTANCE_ID,
        pollMs: config.JOB_POLL_MS,
        lockLifetimeMs: config.JOB_LOCK_MS,
        onError: (error, job) => logger.warn({ err: error, job }, 'job failed'),
      }),
  );
  bind(TOKENS.metadata, (get) => new EventMetadataFactory(get(TOKENS.clock), get(TOKENS.ids)));
  bind(TOKENS.executor, (get) => new CommandExecutor(get(TOKENS.eventStore), get(TOKENS.metadata)));
  bind(TOKENS.uniqueKeys, (get) => new UniqueKeys(get(TOKENS.executor), get(TOKENS.eventStore), get(TOKENS.clock)));
  bind<CommandServices>(TOKENS.commandServices, (get) => ({
    executor: get(TOKENS.executor),
    eventStore: get(TOKENS.eventStore),
    metadata: get(TOKENS.metadata),
    uniqueKeys: get(TOKENS.uniqueKeys),
    clock: get(TOKENS.clock),
    ids: get(TOKENS.ids),
  }));
  bind(TOKENS.passwordHasher, () => new ScryptPasswordHasher({ N: 2 ** config.PASSWORD_HASH_COST, r: 8, p: 1 }));
  bind(
    TOKENS.tokenService,
    () =>
      new JwtTokenService({
        secret: config.JWT_SECRET,
        issuer: config.JWT_ISSUER,
        accessTtlSeconds: config.JWT_ACCESS_TTL_SECONDS,
        refreshTtlSeconds: config.JWT_REFRESH_TTL_SECONDS,
      }),
  );
  container.bind<readonly Projection[]>(TOKENS.projections).toConstantValue(allProjections);
  bind(TOKENS.projectionRunner, (get) => {
    const projections = get<readonly Projection[]>(TOKENS.projections);
    const onError = (error: unknown, name: string) => logger.error({ err: error, projection: name }, 'projection failed; retrying');
    return new ProjectionRunner(
      projections.map((p) => new ProjectionWorker(p, get(TOKENS.eventStore), get(TOKENS.documentStore), 1_000, onError)),
      {
        leases: {
          store: engines.leaseStore,
          holder: config.INSTANCE_ID,
          ttlMs: config.LEASE_TTL_MS,
          renewEveryMs: Math.floor(config.LEASE_TTL_MS / 3),
          onChange: (lease, held) => logger.info({ lease, held }, held ? 'lease taken' : 'lease given up'),
          onError: (error) => logger.warn({ err: error }, 'lease renewal failed'),
        },
      },
    );
  });
  bind<HttpDependencies>(TOKENS.httpDependencies, (get) => {
    const services = get<CommandServices>(TOKENS.commandServices);
    const documents = get<DocumentStore>(TOKENS.documentStore);
    const runner = get<ProjectionRunner>(TOKENS.projectionRunner);
    return {
      idempotency: new IdempotencyKeys(services.uniqueKeys),
      readSide: { waitFor: (position, timeoutMs) => runner.waitFor(position, timeoutMs ?? config.READ_WAIT_MAX_MS) },
      authentication: new AuthenticationService(
        services.eventStore,
        services.uniqueKeys,
        get(TOKENS.passwordHasher),
        get(TOKENS.tokenService),
      ),
      registerUser: new RegisterUserHandler(services, get(TOKENS.passwordHasher)),
      userQueries: new UserQueries(documents),
      registerBatteryModel: new RegisterBatteryModelHandler(services),
      changeBatteryModel: new ChangeBatteryModelHandler(services),
      generateSerialBatch: new GenerateSerialBatchHandler(services),
      moveSerialNumber: new MoveSerialNumberHandler(services),
      inventoryQueries: new InventoryQueries(documents),
      activateWarranty: new ActivateWarrantyHandler(services),
      voidWarranty: new VoidWarrantyHandler(services),
      warrantyQueries: new WarrantyQueries(documents, services.clock),
      operationsQueries: new OperationsQueries(get(TOKENS.scheduler), engines.leaseStore, services.clock),
    };
  });
  return container;
};
