import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../../../src/main/config';

const GENERATED = 'generated-secret-'.padEnd(48, 'g');
const SECRET = 'explicit-secret-'.padEnd(40, 's');

const SECRETS_KEY = Buffer.alloc(32, 7);
const secretsKeys = { current: SECRETS_KEY, previous: [] };

const load = (env: Record<string, string>, generated: () => string = () => GENERATED): Config =>
  loadConfig(env, generated, () => SECRETS_KEY.toString('base64'));

/** The ConfigError `env` raises; fails the test if it raises nothing or something else. */
const configError = (env: Record<string, string>): ConfigError => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = load({});

    expect(config).toEqual({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 8080,
      DATA_DIR: './var/data',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '100kb',
      jwtKeys: { secret: GENERATED },
      secretsKeys,
      JWT_ISSUER: 'opsledger',
      JWT_ACCESS_TTL_SECONDS: 900,
      JWT_REFRESH_TTL_SECONDS: 1_209_600,
      PASSWORD_HASH_COST: 17,
      READ_WAIT_MAX_MS: 5_000,
      AUTH_IP_LIMIT: 100,
      DEFAULT_COUNTRY_CODE: '254',
      MAIL_FROM: 'opsledger <no-reply@opsledger.local>',
      OTP_RESEND_SECONDS: 60,
      OTP_TTL_SECONDS: 300,
      PASSWORD_RESET_TTL_SECONDS: 900,
      SMS_PROVIDER: 'outbox',
      outboxDir: path.resolve('var/data/outbox'),
      PDF_MAX_PAGES: 2,
      publicBaseUrl: 'http://localhost:8080',
      RUN_PROJECTIONS: true,
      TRUST_PROXY: false,
      MONGODB_DATABASE: 'opsledger',
      INSTANCE_ID: `${os.hostname()}:8080`,
      LEASE_TTL_MS: 15_000,
      RUN_JOBS: true,
      RUN_REACTORS: true,
      WARRANTY_SWEEP_SCHEDULE: '0 6 * * *',
      STOCK_SUMMARY_SCHEDULE: '0 7 * * *',
      WARRANTY_REMINDER_DAYS: 30,
      JOB_POLL_MS: 5_000,
      JOB_LOCK_MS: 60_000,
      databaseFile: path.resolve('./var/data', 'opsledger.sqlite'),
    });
  });

  it('reads and converts every setting from the environment', () => {
    const config = load({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '9090',
      DATA_DIR: '/srv/opsledger',
      LOG_LEVEL: 'debug',
      BODY_LIMIT: '2MB',
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'acme',
      JWT_ACCESS_TTL_SECONDS: '60',
      JWT_REFRESH_TTL_SECONDS: '3600',
      PASSWORD_HASH_COST: '12',
      READ_WAIT_MAX_MS: '0',
      RUN_PROJECTIONS: 'false',
      TRUST_PROXY: '1',
      EVENTSTORE_URL: 'kurrentdb+discover://ops:secret@cluster.example:2113?tls=true',
      MONGODB_URL: 'mongodb://a.example,b.example/?replicaSet=rs0',
      MONGODB_DATABASE: 'ops_prod',
      INSTANCE_ID: 'opsledger-2',
      LEASE_TTL_MS: '5000',
      RUN_JOBS: 'false',
      RUN_REACTORS: 'false',
      WARRANTY_SWEEP_SCHEDULE: '30 5 * * *',
      STOCK_SUMMARY_SCHEDULE: '0 7 * * 1-5',
      WARRANTY_REMINDER_DAYS: '14',
      JOB_POLL_MS: '250',
      JOB_LOCK_MS: '30000',
      DEFAULT_COUNTRY_CODE: '44',
      AUTH_IP_LIMIT: '7',
      OTP_TTL_SECONDS: '120',
      OTP_RESEND_SECONDS: '30',
      PASSWORD_RESET_TTL_SECONDS: '600',
      PASSWORD_RESET_URL: 'https://app.example/reset',
      PUBLIC_BASE_URL: 'https://warranty.example/',
      CHROMIUM_PATH: '/opt/chromium/chrome',
      PDF_MAX_PAGES: '4',
    });

    expect(config).toEqual({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: 9090,
      DATA_DIR: '/srv/opsledger',
      LOG_LEVEL: 'debug',
      BODY_LIMIT: '2MB',
      jwtKeys: { secret: SECRET },
      secretsKeys,
      JWT_ISSUER: 'acme',
      JWT_ACCESS_TTL_SECONDS: 60,
      JWT_REFRESH_TTL_SECONDS: 3600,
      PASSWORD_HASH_COST: 12,
      READ_WAIT_MAX_MS: 0,
      RUN_PROJECTIONS: false,
      TRUST_PROXY: 1,
      EVENTSTORE_URL: 'kurrentdb+discover://ops:secret@cluster.example:2113?tls=true',
      MONGODB_URL: 'mongodb://a.example,b.example/?replicaSet=rs0',
      MONGODB_DATABASE: 'ops_prod',
      INSTANCE_ID: 'opsledger-2',
      LEASE_TTL_MS: 5_000,
      RUN_JOBS: false,
      RUN_REACTORS: false,
      WARRANTY_SWEEP_SCHEDULE: '30 5 * * *',
      STOCK_SUMMARY_SCHEDULE: '0 7 * * 1-5',
      WARRANTY_REMINDER_DAYS: 14,
      JOB_POLL_MS: 250,
      JOB_LOCK_MS: 30_000,
      DEFAULT_COUNTRY_CODE: '44',
      AUTH_IP_LIMIT: 7,
      OTP_TTL_SECONDS: 120,
      OTP_RESEND_SECONDS: 30,
      PASSWORD_RESET_TTL_SECONDS: 600,
      PASSWORD_RESET_URL: 'https://app.example/reset',
      MAIL_FROM: 'opsledger <no-reply@opsledger.local>',
      SMS_PROVIDER: 'outbox',
      outboxDir: '/srv/opsledger/outbox',
      PUBLIC_BASE_URL: 'https://warranty.example',
      publicBaseUrl: 'https://warranty.example',
      CHROMIUM_PATH: '/opt/chromium/chrome',
      PDF_MAX_PAGES: 4,
      databaseFile: path.resolve('/srv/opsledger', 'opsledger.sqlite'),
    });
  });

  it('rejects engine URLs of the wrong kind, naming the variable and the expected form', () => {
    expect(configError({ EVENTSTORE_URL: 'http://localhost:2113' }).message).toMatch(/EVENTSTORE_URL: use a connection string like kurrentdb:/);
    expect(configError({ MONGODB_URL: 'localhost:27017' }).message).toMatch(/MONGODB_URL: use a connection string like mongodb:/);
    expect(configError({ LEASE_TTL_MS: '10' }).message).toMatch(/LEASE_TTL_MS/);
    expect(configError({ INSTANCE_ID: 'node a' }).message).toMatch(/INSTANCE_ID/);
  });

  it('ignores unrelated environment variables', () => {
    expect(load({ PATH: '/usr/bin', HOME: '/root' })).toEqual(load({}));
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads RUN_PROJECTIONS=%s as %s', (value, expected) => {
    expect(load({ RUN_PROJECTIONS: value }).RUN_PROJECTIONS).toBe(expected);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['0', 0],
    ['2', 2],
    ['loopback', 'loopback'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['loopback, 10.0.0.1', 'loopback, 10.0.0.1'],
  ])('reads TRUST_PROXY=%s as %p', (value, expected) => {
    expect(load({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  describe('refuses an invalid value with a ConfigError naming the variable', () => {
    it.each([
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['PORT', '-1'],
      ['PORT', '80.5'],
      ['LOG_LEVEL', 'loud'],
      ['BODY_LIMIT', 'big'],
      ['BODY_LIMIT', '10gb'],
      ['JWT_SECRET', 'too-short'],
      ['JWT_SECRET', 'x'.repeat(31)],
      ['PASSWORD_HASH_COST', '5'],
      ['PASSWORD_HASH_COST', '21'],
      ['PASSWORD_HASH_COST', 'cheap'],
      ['NODE_ENV', 'staging'],
      ['RUN_PROJECTIONS', 'yes'],
      ['JWT_ACCESS_TTL_SECONDS', '10'],
      ['JWT_REFRESH_TTL_SECONDS', '60'],
      ['READ_WAIT_MAX_MS', '600000'],
    ])('%s=%p', (name, value) => {
      const error = configError({ [name]: value });

      expect(error.message).toContain(name);
      expect(error.message).toMatch(/^Invalid configuration/);
    });

    it('names every invalid variable at once', () => {
      const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud', BODY_LIMIT: 'big' });

      expect(error.message).toContain('PORT');
      expect(error.message).toContain('LOG_LEVEL');
      expect(error.message).toContain('BODY_LIMIT');
    });

    it('explains the expected JWT_SECRET length and BODY_LIMIT format', () => {
      expect(configError({ JWT_SECRET: 'short' }).message).toContain('at least 32 characters');
      expect(configError({ BODY_LIMIT: 'big' }).message).toContain('100kb');
    });

    // Express's "trust proxy" knows booleans, hop counts, addresses/subnets and three names; nothing else.
    it.each([['nonsense'], ['-1'], ['10.0.0.300'], ['10.0.0.0/33'], ['loopback/8']])('TRUST_PROXY=%p', (value) => {
      expect(configError({ TRUST_PROXY: value }).message).toContain('TRUST_PROXY');
    });

    it.each([['loopback'], ['10.0.0.0/8, ::1'], ['2'], ['true']])('accepts TRUST_PROXY=%p', (value) => {
      expect(() => load({ TRUST_PROXY: value })).not.toThrow();
    });
  });

  // An env file line left empty (`PORT=`) means "not set", not port 0.
  it('reads any empty value as unset, so the default applies', () => {
    expect(load({ DATA_DIR: '', LOG_LEVEL: '' })).toMatchObject({ DATA_DIR: './var/data', LOG_LEVEL: 'info' });
  });

  it('does not read an empty PORT as port 0', () => {
    let port: number | undefined;
    try {
      port = load({ PORT: '' }).PORT;
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('PORT');
      return;
    }
    expect(port).toBe(8080);
  });

  describe('the JWT secret', () => {
    it('is required in production', () => {
      const generated = jest.fn(() => GENERATED);
      let error: unknown;
      try {
        loadConfig({ NODE_ENV: 'production' }, generated);
      } catch (e) {
        error = e;
      }

      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('JWT_SECRET');
      expect(generated).not.toHaveBeenCalled();
    });

    it('is taken from the environment in production', () => {
      const generated = jest.fn(() => GENERATED);

      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: SECRETS_KEY.toString('hex') }, generated);

      expect(config.jwtKeys).toEqual({ secret: SECRET });
      expect(generated).not.toHaveBeenCalled();
    });

    it('is generated in development when not set', () => {
      const generated = jest.fn(() => GENERATED);

      const config = loadConfig({ NODE_ENV: 'development' }, generated);

      expect(config.jwtKeys).toEqual({ secret: GENERATED });
      expect(generated).toHaveBeenCalledTimes(1);
    });

    it('is generated in test too when not set', () => {
      expect(load({ NODE_ENV: 'test' }).jwtKeys).toEqual({ secret: GENERATED });
    });

    it('prefers an explicit secret over generating one in development', () => {
      const generated = jest.fn(() => GENERATED);

      expect(loadConfig({ JWT_SECRET: SECRET }, generated).jwtKeys).toEqual({ secret: SECRET });
      expect(generated).not.toHaveBeenCalled();
    });

    it('does not generate a secret when the configuration is invalid anyway', () => {
      const generated = jest.fn(() => GENERATED);

      expect(() => loadConfig({ PORT: 'abc' }, generated)).toThrow(ConfigError);
      expect(generated).not.toHaveBeenCalled();
    });
  });
});
