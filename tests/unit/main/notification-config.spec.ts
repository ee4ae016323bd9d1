import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../../../src/main/config';

const SECRET = 'notification-config-secret-'.padEnd(40, 's');

const load = (env: Record<string, string>): Config => loadConfig(env, () => SECRET);

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

const AFRICASTALKING = { SMS_PROVIDER: 'africastalking', AFRICASTALKING_USERNAME: 'opsledger', AFRICASTALKING_API_KEY: 'atsk_live_key' };

describe('loadConfig: mail and SMS settings', () => {
  it('defaults to the outbox for mail and SMS, under DATA_DIR', () => {
    const config = load({});

    expect(config.SMTP_URL).toBeUndefined();
    expect(config.MAIL_FROM).toBe('opsledger <no-reply@opsledger.local>');
    expect(config.SMS_PROVIDER).toBe('outbox');
    expect(config.AFRICASTALKING_USERNAME).toBeUndefined();
    expect(config.AFRICASTALKING_API_KEY).toBeUndefined();
    expect(config.SMS_SENDER_ID).toBeUndefined();
    expect(config.outboxDir).toBe(path.resolve('./var/data/outbox'));
  });

  it('puts the outbox in the configured DATA_DIR unless OUTBOX_DIR says otherwise', () => {
    expect(load({ DATA_DIR: '/srv/opsledger' }).outboxDir).toBe(path.resolve('/srv/opsledger/outbox'));
    expect(load({ DATA_DIR: '/srv/opsledger', OUTBOX_DIR: '/tmp/mailbox' }).outboxDir).toBe(path.resolve('/tmp/mailbox'));
    expect(load({ OUTBOX_DIR: 'var/outbox' }).outboxDir).toBe(path.resolve('var/outbox'));
  });

  it('reads every setting from the environment', () => {
    const config = load({
      ...AFRICASTALKING,
      SMTP_URL: 'smtps://mailer:p%40ss@smtp.example.com:465',
      MAIL_FROM: 'Acme Ops <ops@acme.example>',
      SMS_SENDER_ID: 'ACME',
    });

    expect(config).toMatchObject({
      SMTP_URL: 'smtps://mailer:p%40ss@smtp.example.com:465',
      MAIL_FROM: 'Acme Ops <ops@acme.example>',
      SMS_PROVIDER: 'africastalking',
      AFRICASTALKING_USERNAME: 'opsledger',
      AFRICASTALKING_API_KEY: 'atsk_live_key',
      SMS_SENDER_ID: 'ACME',
    });
  });

  it.each([['smtp://localhost:1025'], ['smtps://user:secret@smtp.example.com:465']])('accepts SMTP_URL=%p', (url) => {
    expect(load({ SMTP_URL: url }).SMTP_URL).toBe(url);
  });

  it.each([['http://smtp.example.com'], ['smtp.example.com:587'], ['smtp://']])('refuses SMTP_URL=%p', (url) => {
    const error = configError({ SMTP_URL: url });

    expect(error.message).toMatch(/^Invalid configuration/);
    expect(error.message).toContain('SMTP_URL: use a URL like smtps://');
  });

  it('does not repeat a refused SMTP_URL, which may hold a password', () => {
    expect(configError({ SMTP_URL: 'http://user:hunter2@smtp.example.com' }).message).not.toContain('hunter2');
  });

  it('refuses an unknown SMS provider', () => {
    expect(configError({ SMS_PROVIDER: 'twilio' }).message).toContain('SMS_PROVIDER');
  });

  it('accepts Africa\'s Talking with a username and an API key', () => {
    expect(() => load(AFRICASTALKING)).not.toThrow();
  });

  it.each([
    [{ SMS_PROVIDER: 'africastalking' }, 'AFRICASTALKING_USERNAME and AFRICASTALKING_API_KEY'],
    [{ SMS_PROVIDER: 'africastalking', AFRICASTALKING_USERNAME: 'opsledger' }, 'AFRICASTALKING_API_KEY'],
    [{ SMS_PROVIDER: 'africastalking', AFRICASTALKING_API_KEY: 'atsk_live_key' }, 'AFRICASTALKING_USERNAME'],
    // An empty line in an env file means "not set".
    [{ ...AFRICASTALKING, AFRICASTALKING_API_KEY: '' }, 'AFRICASTALKING_API_KEY'],
  ])('requires the Africa\'s Talking credentials with SMS_PROVIDER=africastalking (%p)', (env, missing) => {
    const error = configError(env);

    expect(error.message).toBe(`Invalid configuration:\n  SMS_PROVIDER: africastalking requires ${missing}`);
  });

  it('does not require Africa\'s Talking credentials for the outbox', () => {
    expect(load({ SMS_PROVIDER: 'outbox' }).SMS_PROVIDER).toBe('outbox');
  });
});
