import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { SealingKeys } from '../infrastructure/security/aes-gcm-secret-sealer';
import type { JwtKeys } from '../infrastructure/security/jwt-token-service';
import { readJwtKeyFiles } from './jwt-key-files';
import { SECRETS_KEY_FORMAT, decodeSecretsKey, newSecretsKey, secretsKeyListSchema, secretsKeySchema } from './secrets-keys';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** The values express accepts for "trust proxy". */
const isTrustProxy = (value: string): boolean =>
  ['true', 'false'].includes(value) ||
  /^\d{1,3}$/.test(value) ||
  value.split(',').every((part) => {
    const [address = '', mask, extra] = part.trim().split('/');
    if (extra !== undefined) return false;
    if (PROXY_NAMES.has(address) && mask === undefined) return true;
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    return family !== 0 && (mask === undefined || (/^\d{1,3}$/.test(mask) && Number(mask) <= bits));
  });

/** Every setting comes from the environment; a bad value stops start-up with a clear message. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./var/data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'use a size like 100kb or 1mb')
    .default('100kb'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  /** PEM files of an RSA (RS256) or EC P-256 (ES256) key pair; both or neither, and they win over JWT_SECRET. */
  JWT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** Seals tenants' vendor credentials (AES-256-GCM); previous keys still open what they sealed. */
  SECRETS_KEY: secretsKeySchema.optional(),
  SECRETS_KEY_PREVIOUS: secretsKeyListSchema.optional(),
  JWT_ISSUER: z.string().min(1).default('opsledger'),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).max(7_776_000).default(1_209_600),
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  /** Read into national phone numbers written with a leading 0 (Kenya: 0712 345 678 → +254712345678). */
  DEFAULT_COUNTRY_CODE: z.string().regex(/^[1-9][0-9]{0,2}$/, 'a country calling code without +, e.g. 254').default('254'),
  /** Attempts one client IP may make at login, registration, one-time codes and password reset, each per 15 minutes. */
  AUTH_IP_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(100),
  OTP_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600).default(300),
  OTP_RESEND_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  PASSWORD_RESET_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Where reset links in emails point; without it the email carries the code only. */
  PASSWORD_RESET_URL: z.url().optional(),
  READ_WAIT_MAX_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  RUN_PROJECTIONS: bool.default(true),
  /** EventStoreDB/KurrentDB connection string; events stay in the SQLite file when unset. */
  EVENTSTORE_URL: z
    .string()
    .regex(/^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\/\S+$/, 'use a connection string like kurrentdb://host:2113?tls=false')
    .optional(),
  /** MongoDB connection string (a replica set); read models, leases and jobs stay in the SQLite file when unset. */
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'use a connection string like mongodb://host:27017/?replicaSet=rs0')
    .optional(),
  MONGODB_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and -, at most 63').default('opsledger'),
  /**
   * Names this instance in leases and job locks: unique among instances sharing the stores, and the same across
   * its restarts (so a restarted instance takes its leases back at once). Defaults to host name and port.
   */
  INSTANCE_ID: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : -, at most 100').optional(),
  LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  RUN_JOBS: bool.default(true),
  /** Cron expressions (UTC) of the daily jobs: the warranty expiry sweep and the stock summary mailed to admins. */
  WARRANTY_SWEEP_SCHEDULE: z.string().trim().min(9).default('0 6 * * *'),
  STOCK_SUMMARY_SCHEDULE: z.string().trim().min(9).default('0 7 * * *'),
  /** How many days before a warranty ends its consumer is reminded. */
  WARRANTY_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Send notifications (mail, SMS) for stored events here; under leases one instance sends. */
  RUN_REACTORS: bool.default(true),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** A running job stays locked this long; past it (its instance died) another instance runs it again. */
  JOB_LOCK_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Express "trust proxy": false, true, a hop count, or comma-separated addresses, subnets and names. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(isTrustProxy, 'use true, false, a hop count, or addresses/subnets (e.g. loopback, 10.0.0.0/8)')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  /** SMTP server for outgoing mail, credentials in the URL; mail goes to OUTBOX_DIR when unset. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'use a URL like smtps://user:password@smtp.example.com:465')
    .optional(),
  MAIL_FROM: z.string().min(1).default('opsledger <no-reply@opsledger.local>'),
  SMS_PROVIDER: z.enum(['outbox', 'africastalking']).default('outbox'),
  AFRICASTALKING_USERNAME: z.string().min(1).optional(),
  AFRICASTALKING_API_KEY: z.string().min(1).optional(),
  /** A registered alphanumeric sender id or short code; the Africa's Talking account's default when unset. */
  SMS_SENDER_ID: z.string().min(1).optional(),
  /** Development mail (`mail/*.eml`) and SMS (`sms.jsonl`); defaults to DATA_DIR/outbox. */
  OUTBOX_DIR: z.string().min(1).optional(),
  /** Where people reach the service, for links and QR codes (`<PUBLIC_BASE_URL>/verify/<serial>`); default http://localhost:PORT. */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'use an http(s) URL like https://warranty.lithovolt.example' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** The Chromium that prints PDFs; default /usr/bin/chromium when it exists, else the browser puppeteer installed. */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** PDF pages printing at once (each holds a renderer process); more requests wait their turn. */
  PDF_MAX_PAGES: z.coerce.number().int().min(1).max(32).default(2),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'JWT_SECRET' | 'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS' | 'INSTANCE_ID'> {
  /** The key pair from JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE when set, else JWT_SECRET. */
  readonly jwtKeys: JwtKeys;
  readonly secretsKeys: SealingKeys;
  readonly INSTANCE_ID: string;
  readonly databaseFile: string;
  readonly outboxDir: string;
  /** PUBLIC_BASE_URL without a trailing slash, or http://localhost:PORT. */
  readonly publicBaseUrl: string;
}

export class ConfigError extends Error {}

/**
 * In development a missing JWT_SECRET or SECRETS_KEY gets a per-data-directory stand-in generated on first start
 * (see data-dir-secrets.ts); in production both must be set. Without a SECRETS_KEY generator (tests, benchmarks)
 * the stand-in lasts as long as the process.
 */
export const loadConfig = (
  env: NodeJS.ProcessEnv,
  generatedSecret: () => string,
  generatedSecretsKey: () => string = newSecretsKey,
): Config => {
  // An empty value (a blank line in an env file) means "not set", never 0 or "".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { JWT_SECRET, SECRETS_KEY, SECRETS_KEY_PREVIOUS, ...raw } = parsed.data;
  const keyFiles = readJwtKeyFiles(raw);
  const issues = [...keyFiles.issues];
  if (raw.NODE_ENV === 'production') {
    if (!JWT_SECRET && !raw.JWT_PRIVATE_KEY_FILE && !raw.JWT_PUBLIC_KEY_FILE) {
      issues.push('JWT_SECRET: required in production (at least 32 characters) unless JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE are set');
    }
    if (!SECRETS_KEY) issues.push(`SECRETS_KEY: required in production (${SECRETS_KEY_FORMAT})`);
  }
  if (issues.length > 0) throw new ConfigError(`Invalid configuration:\n${issues.map((issue) => `  ${issue}`).join('\n')}`);
  if (raw.SMS_PROVIDER === 'africastalking') {
    const missing = (['AFRICASTALKING_USERNAME', 'AFRICASTALKING_API_KEY'] as const).filter((name) => !raw[name]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n  SMS_PROVIDER: africastalking requires ${missing.join(' and ')}`);
    }
  }
  const currentSecretsKey = SECRETS_KEY ?? decodeSecretsKey(generatedSecretsKey());
  if (!currentSecretsKey) {
    throw new ConfigError(`Invalid configuration:\n  SECRETS_KEY: unset, and the generated development key is not ${SECRETS_KEY_FORMAT}`);
  }
  return {
    ...raw,
    jwtKeys: keyFiles.keyPair ?? { secret: JWT_SECRET ?? generatedSecret() },
    secretsKeys: { current: currentSecretsKey, previous: SECRETS_KEY_PREVIOUS ?? [] },
    INSTANCE_ID: raw.INSTANCE_ID ?? `${os.hostname()}:${raw.PORT}`,
    databaseFile: path.resolve(raw.DATA_DIR, 'opsledger.sqlite'),
    outboxDir: path.resolve(raw.OUTBOX_DIR ?? path.join(raw.DATA_DIR, 'outbox')),
    publicBaseUrl: raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`,
  };
};
