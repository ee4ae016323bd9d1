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
  httpDependencies: Symbol.for('HttpDependencies'),
  httpApi: Symbol.for('HttpApi'),
} as const;
