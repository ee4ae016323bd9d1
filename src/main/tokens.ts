/** Service identifiers for the inversify container. */
export const TOKENS = {
  config: Symbol.for('Config'),
  logger: Symbol.for('Logger'),
  clock: Symbol.for('Clock'),
  ids: Symbol.for('IdGenerator'),
  scheduler: Symbol.for('Scheduler'),
  leaseStore: Symbol.for('LeaseStore'),
  eventStore: Symbol.for('EventStore'),
  documentStore: Symbol.for('DocumentStore'),
  metadata: Symbol.for('EventMetadataFactory'),
  executor: Symbol.for('CommandExecutor'),
  uniqueKeys: Symbol.for('UniqueKeys'),
  commandServices: Symbol.for('CommandServices'),
  passwordHasher: Symbol.for('PasswordHasher'),
  tokenService: Symbol.for('JwtTokenService'),
  secretSealer: Symbol.for('SecretSealer'),
  roleCatalog: Symbol.for('RoleCatalog'),
  /** Opens tenants' sealed vendor credentials for the service's own use. */
  vendorCredentialsVault: Symbol.for('VendorCredentialsVault'),
  /** `{ mailer, smsSender }`: the Mailer and SmsSender adapters. */
  notifications: Symbol.for('NotificationAdapters'),
  secretCodes: Symbol.for('SecretCodes'),
  registerUser: Symbol.for('RegisterUserHandler'),
  projections: Symbol.for('Projections'),
  projectionRunner: Symbol.for('ProjectionRunner'),
  /** The NotificationReactor (tests await its progress). */
  notificationReactor: Symbol.for('NotificationReactor'),
  /** ScheduledWork: the daily warranty expiry sweep and stock summary. */
  scheduledWork: Symbol.for('ScheduledWork'),
  /** The low-stock monitor's EventReactor (tests await its progress). */
  lowStockMonitor: Symbol.for('LowStockMonitor'),
  /** WorkerLeases over every reactor: started and stopped with the service when RUN_REACTORS is on. */
  reactors: Symbol.for('Reactors'),
  /** StaffDirectory: contacts of the active users holding a role. */
  staffDirectory: Symbol.for('StaffDirectory'),
  /** The PdfRenderer: one browser for the service, closed with it. */
  pdfRenderer: Symbol.for('PdfRenderer'),
  httpDependencies: Symbol.for('HttpDependencies'),
  httpApi: Symbol.for('HttpApi'),
} as const;
