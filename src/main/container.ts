import { createHmac } from 'node:crypto';
import { Container } from 'inversify';
import type { Logger } from 'pino';
import { CustomRoles } from '../application/identity/custom-roles.handler';
import { LoginHandler } from '../application/identity/login.handler';
import { OneTimeCodes } from '../application/identity/one-time-codes';
import { OtpLoginHandler } from '../application/identity/otp-login.handler';
import { PasswordResetHandler } from '../application/identity/password-reset.handler';
import { ProfileHandler } from '../application/identity/profile.handler';
import { AttemptGuard, authRateRules } from '../application/identity/rate-limits';
import { RegisterUserHandler } from '../application/identity/register-user.handler';
import { RoleCatalog } from '../application/identity/role-catalog';
import { RoleQueries } from '../application/identity/role.queries';
import { SelfRegistrationHandler } from '../application/identity/self-registration.handler';
import { Sessions } from '../application/identity/sessions';
import { UserAccounts } from '../application/identity/user-accounts';
import { UserAdministration } from '../application/identity/user-administration.handler';
import { SecurityEventQueries } from '../application/identity/security-event.queries';
import { UserQueries } from '../application/identity/user.queries';
import { WholesalerApplicationQueries } from '../application/identity/wholesaler-application.queries';
import { WholesalerApplications } from '../application/identity/wholesaler-applications.handler';
import { StreamTenantDirectory } from '../application/tenancy/tenant-directory';
import { TenantAdministration } from '../application/tenancy/tenant-administration.handler';
import { TenantQueries } from '../application/tenancy/tenant.queries';
import { TenantStatistics } from '../application/tenancy/tenant-statistics';
import { VendorCredentialsVault } from '../application/tenancy/vendor-credentials';
import type { SecretSealer } from '../application/shared/ports/secret-sealer.port';
import { ChangeBatteryModelHandler } from '../application/inventory/change-battery-model.handler';
import { GenerateSerialBatchHandler } from '../application/inventory/generate-serial-batch.handler';
import { InventoryQueries } from '../application/inventory/inventory.queries';
import { ImportSerialsHandler } from '../application/inventory/import-serials.handler';
import { InventoryExports } from '../application/inventory/inventory-exports';
import { AllocationExports } from '../application/inventory/allocation-exports';
import { ClaimExports } from '../application/warranty/claims/claim-exports';
import { AllocateStockHandler } from '../application/inventory/allocate-stock.handler';
import { SerialHistory } from '../application/inventory/serial-history';
import { StockQueries } from '../application/inventory/stock.queries';
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
import { MAX_WAIT_MS, ProjectionRunner } from '../application/shared/projections/projection-runner';
import { ProjectionWorker } from '../application/shared/projections/projection-worker';
import { UniqueKeys } from '../application/shared/unique-keys';
import { IdempotencyKeys } from '../application/shared/idempotency-keys';
import { IssueWarrantyAtSaleHandler } from '../application/warranty/issue-warranty-at-sale.handler';
import { ActivateWarrantyHandler } from '../application/warranty/activate-warranty.handler';
import { VoidWarrantyHandler } from '../application/warranty/void-warranty.handler';
import { ClaimQueries } from '../application/warranty/claims/claim.queries';
import { ClaimReplacementProcess } from '../application/warranty/claims/claim-replacement.process';
import { ClaimWorkflowHandler } from '../application/warranty/claims/claim-workflow.handler';
import { FileClaimHandler, publicClaimRule } from '../application/warranty/claims/file-claim.handler';
import { WarrantyQueries } from '../application/warranty/warranty.queries';
import { WarrantyExports } from '../application/warranty/warranty-exports';
import { OperationsQueries } from '../application/operations/operations.queries';
import { NotificationDispatcher } from '../application/notifications/notification-dispatcher';
import { NotificationQueries } from '../application/notifications/notification.queries';
import type { ScheduledWork } from './jobs';
import { StockSummaryJob } from '../application/inventory/stock-summary.job';
import { WarrantyExpirySweep } from '../application/warranty/warranty-expiry-sweep';
import { LOW_STOCK_MONITOR, LowStockMonitor } from '../application/inventory/low-stock-monitor';
import { EventReactor } from '../application/shared/reactors/event-reactor';
import { NOTIFICATION_REACTOR, NotificationReactor } from '../application/notifications/notification-reactor';
import { StaffDirectory } from '../application/notifications/staff-directory';
import { WorkerLeases, type LeaseSettings } from '../application/shared/projections/worker-leases';
import type { PdfRenderer } from '../application/shared/ports/pdf-renderer.port';
import { WarrantyVerificationPage } from '../application/warranty/verification-page';
import { WarrantyDocuments } from '../application/warranty/warranty-documents';
import { HandlebarsDocumentTemplates } from '../infrastructure/documents/handlebars-document-templates';
import { PuppeteerPdfRenderer } from '../infrastructure/documents/puppeteer-pdf-renderer';
import { QrcodeGenerator } from '../infrastructure/documents/qrcode-generator';
import { AesGcmSecretSealer } from '../infrastructure/security/aes-gcm-secret-sealer';
import { createNotificationAdapters, type NotificationAdapters } from '../infrastructure/notifications/notification-adapter-factory';
import { HmacSecretCodes } from '../infrastructure/security/hmac-secret-codes';
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
import { notificationRules } from './notification-rules';
import { allProjections } from './projections';
import { TOKENS } from './tokens';

/** Binds every port to its adapter (the engines chosen by configuration) and every handler to its dependencies. */
/** Parts a caller may supply instead of the defaults: tests pass a clock they can move. */
export interface ContainerOverrides {
  readonly clock?: Clock;
}

export const createContainer = (config: Config, logger: Logger, engines: Engines, overrides: ContainerOverrides = {}): Container => {
  const container = new Container({ defaultScope: 'Singleton' });
  const bind = <T>(token: symbol, build: (get: <U>(t: symbol) => U) => T) =>
    container.bind<T>(token).toDynamicValue((ctx) => build((t) => ctx.get(t)));

  container.bind<Config>(TOKENS.config).toConstantValue(config);
  container.bind<Logger>(TOKENS.logger).toConstantValue(logger);
  bind<Clock>(TOKENS.clock, () => overrides.clock ?? new SystemClock());
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
  bind(TOKENS.registerUser, (get) => new RegisterUserHandler(get(TOKENS.commandServices), get(TOKENS.passwordHasher), config.DEFAULT_COUNTRY_CODE));
  bind(TOKENS.passwordHasher, () => new ScryptPasswordHasher({ N: 2 ** config.PASSWORD_HASH_COST, r: 8, p: 1 }));
  bind(
    TOKENS.tokenService,
    () =>
      new JwtTokenService({
        ...config.jwtKeys,
        issuer: config.JWT_ISSUER,
        accessTtlSeconds: config.JWT_ACCESS_TTL_SECONDS,
        refreshTtlSeconds: config.JWT_REFRESH_TTL_SECONDS,
      }),
  );
  bind(TOKENS.secretSealer, () => new AesGcmSecretSealer(config.secretsKeys));
  // Projections and reactors alike run on one instance at a time, each under its own lease.
  const leaseSettings: LeaseSettings = {
    store: engines.leaseStore,
    holder: config.INSTANCE_ID,
    ttlMs: config.LEASE_TTL_MS,
    renewEveryMs: Math.floor(config.LEASE_TTL_MS / 3),
    onChange: (lease, held) => logger.info({ lease, held }, held ? 'lease taken' : 'lease given up'),
    onError: (error) => logger.warn({ err: error }, 'lease renewal failed'),
  };
  container.bind<readonly Projection[]>(TOKENS.projections).toConstantValue(allProjections);
  bind(TOKENS.projectionRunner, (get) => {
    const projections = get<readonly Projection[]>(TOKENS.projections);
    const onError = (error: unknown, name: string) => logger.error({ err: error, projection: name }, 'projection failed; retrying');
    return new ProjectionRunner(
      projections.map((p) => new ProjectionWorker(p, get(TOKENS.eventStore), get(TOKENS.documentStore), 1_000, onError)),
      { leases: leaseSettings },
    );
  });
  bind(TOKENS.notifications, () =>
    createNotificationAdapters({
      smtpUrl: config.SMTP_URL,
      mailFrom: config.MAIL_FROM,
      smsProvider: config.SMS_PROVIDER,
      africasTalkingUsername: config.AFRICASTALKING_USERNAME,
      africasTalkingApiKey: config.AFRICASTALKING_API_KEY,
      smsSenderId: config.SMS_SENDER_ID,
      outboxDir: config.outboxDir,
    }),
  );
  bind(TOKENS.staffDirectory, (get) => new StaffDirectory(get(TOKENS.documentStore)));
  bind(TOKENS.notificationReactor, (get) => {
    const eventStore = get<EventStore>(TOKENS.eventStore);
    const documents = get<DocumentStore>(TOKENS.documentStore);
    const { mailer, smsSender } = get<NotificationAdapters>(TOKENS.notifications);
    const log = logger.child({ reactor: NOTIFICATION_REACTOR });
    const dispatcher = new NotificationDispatcher({ executor: get(TOKENS.executor), eventStore, clock: get(TOKENS.clock), mailer, smsSender, log });
    return new NotificationReactor(notificationRules({ eventStore, documents, staff: get(TOKENS.staffDirectory), config }), eventStore, documents, dispatcher, log);
  });
  bind<ScheduledWork>(TOKENS.scheduledWork, (get) => {
    const documents = get<DocumentStore>(TOKENS.documentStore);
    return {
      warrantyExpirySweep: new WarrantyExpirySweep(get(TOKENS.executor), documents, get(TOKENS.clock), config.WARRANTY_REMINDER_DAYS),
      stockSummary: new StockSummaryJob(get(TOKENS.executor), documents, get(TOKENS.clock)),
    };
  });
  bind(TOKENS.lowStockMonitor, (get) => {
    const eventStore = get<EventStore>(TOKENS.eventStore);
    const documents = get<DocumentStore>(TOKENS.documentStore);
    const runner = get<ProjectionRunner>(TOKENS.projectionRunner);
    const waitForReadModels = (position: number, stopped: AbortSignal) => runner.waitFor(position, MAX_WAIT_MS, stopped);
    const monitor = new LowStockMonitor(get(TOKENS.executor), documents, waitForReadModels, get(TOKENS.clock));
    return new EventReactor(LOW_STOCK_MONITOR, monitor, eventStore, documents, logger.child({ reactor: LOW_STOCK_MONITOR }));
  });
  bind(
    TOKENS.reactors,
    (get) => new WorkerLeases([get<NotificationReactor>(TOKENS.notificationReactor), get<EventReactor>(TOKENS.lowStockMonitor)], leaseSettings),
  );
  // One-time codes are hashed under a key of their own, derived from the sealing key.
  bind(TOKENS.secretCodes, () => new HmacSecretCodes(createHmac('sha256', config.secretsKeys.current).update('one-time-codes').digest()));
  bind(TOKENS.roleCatalog, (get) => new RoleCatalog(get(TOKENS.eventStore)));
  bind(TOKENS.vendorCredentialsVault, (get) => new VendorCredentialsVault(get(TOKENS.eventStore), get(TOKENS.secretSealer)));
  bind<PdfRenderer>(TOKENS.pdfRenderer, () => new PuppeteerPdfRenderer({ executablePath: config.CHROMIUM_PATH, maxPages: config.PDF_MAX_PAGES }));
  bind<HttpDependencies>(TOKENS.httpDependencies, (get) => {
    const services = get<CommandServices>(TOKENS.commandServices);
    const documents = get<DocumentStore>(TOKENS.documentStore);
    const runner = get<ProjectionRunner>(TOKENS.projectionRunner);
    const country = config.DEFAULT_COUNTRY_CODE;
    const hasher = get<ScryptPasswordHasher>(TOKENS.passwordHasher);
    const accounts = new UserAccounts(services.eventStore, services.uniqueKeys);
    const sessions = new Sessions(services, accounts, get(TOKENS.tokenService), config.JWT_REFRESH_TTL_SECONDS);
    const guard = new AttemptGuard(engines.rateLimiter, authRateRules({ perIpPer15Minutes: config.AUTH_IP_LIMIT }));
    const registration = get<RegisterUserHandler>(TOKENS.registerUser);
    const profiles = new ProfileHandler(services, accounts, hasher, sessions, country);
    const notifications = get<NotificationAdapters>(TOKENS.notifications);
    const oneTimeCodes = new OneTimeCodes(services, get(TOKENS.secretCodes), config.OTP_RESEND_SECONDS);
    const warrantyQueries = new WarrantyQueries(documents, services.clock);
    const documentTemplates = new HandlebarsDocumentTemplates();
    return {
      idempotency: new IdempotencyKeys(services.uniqueKeys),
      readSide: { waitFor: (position, timeoutMs) => runner.waitFor(position, timeoutMs ?? config.READ_WAIT_MAX_MS) },
      login: new LoginHandler(services, accounts, hasher, sessions, guard, country),
      sessions,
      selfRegistration: new SelfRegistrationHandler(registration, accounts, sessions, guard),
      profiles,
      otpLogin: new OtpLoginHandler(oneTimeCodes, notifications.smsSender, accounts, registration, sessions, guard, {
        codeTtlSeconds: config.OTP_TTL_SECONDS,
        defaultCountryCode: country,
      }),
      passwordReset: new PasswordResetHandler(oneTimeCodes, notifications, accounts, profiles, guard, {
        codeTtlSeconds: config.PASSWORD_RESET_TTL_SECONDS,
        resetUrl: config.PASSWORD_RESET_URL,
        defaultCountryCode: country,
        onDeliveryFailure: (error) => logger.error({ err: error }, 'password reset code could not be delivered'),
      }),
      userAdministration: new UserAdministration(
        services,
        accounts,
        get(TOKENS.roleCatalog),
        new StreamTenantDirectory(services.eventStore),
        registration,
        profiles,
      ),
      userQueries: new UserQueries(documents),
      customRoles: new CustomRoles(services, get(TOKENS.roleCatalog)),
      roleQueries: new RoleQueries(documents),
      wholesalerApplications: new WholesalerApplications(services, accounts, country),
      wholesalerApplicationQueries: new WholesalerApplicationQueries(documents),
      securityEventQueries: new SecurityEventQueries(documents, new UserQueries(documents)),
      tenantAdministration: new TenantAdministration(services, get<SecretSealer>(TOKENS.secretSealer)),
      tenantQueries: new TenantQueries(documents),
      tenantStatistics: new TenantStatistics(documents, new TenantQueries(documents)),
      registerBatteryModel: new RegisterBatteryModelHandler(services),
      changeBatteryModel: new ChangeBatteryModelHandler(services),
      generateSerialBatch: new GenerateSerialBatchHandler(services),
      moveSerialNumber: new MoveSerialNumberHandler(services),
      allocateStock: new AllocateStockHandler(services, documents, accounts),
      stockQueries: new StockQueries(documents),
      serialHistory: new SerialHistory(services.eventStore),
      inventoryQueries: new InventoryQueries(documents),
      inventoryExports: new InventoryExports(documents),
      importSerials: new ImportSerialsHandler(services),
      activateWarranty: new ActivateWarrantyHandler(services),
      issueWarrantyAtSale: new IssueWarrantyAtSaleHandler(services.eventStore, new MoveSerialNumberHandler(services), new ActivateWarrantyHandler(services)),
      voidWarranty: new VoidWarrantyHandler(services),
      warrantyQueries,
      warrantyExports: new WarrantyExports(documents, services.clock),
      allocationExports: new AllocationExports(documents),
      claimExports: new ClaimExports(documents),
      warrantyDocuments: new WarrantyDocuments({
        warranties: warrantyQueries,
        documents,
        qrCodes: new QrcodeGenerator(),
        templates: documentTemplates,
        pdf: get<PdfRenderer>(TOKENS.pdfRenderer),
        publicBaseUrl: config.publicBaseUrl,
      }),
      verificationPage: new WarrantyVerificationPage(warrantyQueries, documentTemplates),
      operationsQueries: new OperationsQueries(get(TOKENS.scheduler), engines.leaseStore, services.clock),
      notificationQueries: new NotificationQueries(documents),
      fileClaim: new FileClaimHandler({
        services,
        attachments: engines.attachmentStore,
        accounts,
        limiter: engines.rateLimiter,
        publicRule: publicClaimRule(config.AUTH_IP_LIMIT),
        defaultCountryCode: country,
      }),
      claimWorkflow: new ClaimWorkflowHandler(services, accounts, new ClaimReplacementProcess(services)),
      claimQueries: new ClaimQueries(documents, get(TOKENS.roleCatalog), engines.attachmentStore),
    };
  });
  return container;
};
