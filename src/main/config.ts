import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

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
  JWT_ISSUER: z.string().min(1).default('opsledger'),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).max(7_776_000).default(1_209_600),
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
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
  JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** A running job stays locked this long; past it (its instance died) another instance runs it again. */
  JOB_LOCK_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Express "trust proxy": false, true, a hop count, or comma-separated addresses, subnets and names. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(isTrustProxy, 'use true, false, a hop count, or addresses/subnets (e.g. loopback, 10.0.0.0/8)')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'JWT_SECRET' | 'INSTANCE_ID'> {
  readonly JWT_SECRET: string;
  readonly INSTANCE_ID: string;
  readonly databaseFile: string;
}

export class ConfigError extends Error {}

/**
 * In development a missing JWT_SECRET gets a per-data-directory secret generated on first start
 * (see composition); in production it must be set.
 */
export const loadConfig = (env: NodeJS.ProcessEnv, generatedSecret: () => string): Config => {
  // An empty value (a blank line in an env file) means "not set", never 0 or "".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  if (!raw.JWT_SECRET && raw.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters)');
  }
  return {
    ...raw,
    JWT_SECRET: raw.JWT_SECRET ?? generatedSecret(),
    INSTANCE_ID: raw.INSTANCE_ID ?? `${os.hostname()}:${raw.PORT}`,
    databaseFile: path.resolve(raw.DATA_DIR, 'opsledger.sqlite'),
  };
};
