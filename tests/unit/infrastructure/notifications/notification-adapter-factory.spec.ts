import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AfricasTalkingSmsSender } from '../../../../src/infrastructure/notifications/africas-talking-sms-sender';
import {
  createNotificationAdapters,
  type NotificationSettings,
} from '../../../../src/infrastructure/notifications/notification-adapter-factory';
import { OutboxMailer } from '../../../../src/infrastructure/notifications/outbox-mailer';
import { OutboxSmsSender } from '../../../../src/infrastructure/notifications/outbox-sms-sender';
import { SmtpMailer } from '../../../../src/infrastructure/notifications/smtp-mailer';

describe('createNotificationAdapters', () => {
  let outboxDir: string;
  let base: NotificationSettings;

  beforeEach(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), 'opsledger-notifications-'));
    base = { mailFrom: 'opsledger <no-reply@opsledger.local>', smsProvider: 'outbox', outboxDir };
  });

  afterEach(async () => {
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('sends mail and SMS to the outbox by default', async () => {
    const { mailer, smsSender } = createNotificationAdapters(base);

    expect(mailer).toBeInstanceOf(OutboxMailer);
    expect(smsSender).toBeInstanceOf(OutboxSmsSender);
    await mailer.send({ to: 'otieno@example.com', template: 'welcome', data: { name: 'Otieno' } });
    await smsSender.send({ to: '+254712345678', template: 'otp-login', data: { code: '90210', expiresInMinutes: 5 } });
    expect(await readdir(path.join(outboxDir, 'mail'))).toEqual([expect.stringMatching(/\.eml$/)]);
    expect(await readFile(path.join(outboxDir, 'sms.jsonl'), 'utf8')).toContain('"to":"+254712345678"');
  });

  it('sends mail over SMTP when a URL is set', () => {
    expect(createNotificationAdapters({ ...base, smtpUrl: 'smtp://127.0.0.1:2525' }).mailer).toBeInstanceOf(SmtpMailer);
  });

  it("sends SMS through Africa's Talking when chosen", () => {
    const { smsSender } = createNotificationAdapters({
      ...base,
      smsProvider: 'africastalking',
      africasTalkingUsername: 'sandbox',
      africasTalkingApiKey: 'atsk_key',
    });

    expect(smsSender).toBeInstanceOf(AfricasTalkingSmsSender);
  });

  it.each([
    [{ africasTalkingUsername: 'sandbox' }],
    [{ africasTalkingApiKey: 'atsk_key' }],
  ])("refuses Africa's Talking without both credentials (%p)", (credentials) => {
    expect(() => createNotificationAdapters({ ...base, smsProvider: 'africastalking', ...credentials })).toThrow(
      "SMS through Africa's Talking needs a username and an API key",
    );
  });

  it('renders from an explicit templates folder', async () => {
    const { smsSender } = createNotificationAdapters({ ...base, templatesDir: path.join(outboxDir, 'no-templates') });

    await expect(
      smsSender.send({ to: '+254712345678', template: 'otp-login', data: { code: '90210', expiresInMinutes: 5 } }),
    ).rejects.toThrow(`Template sms/otp-login.hbs not found in ${path.join(outboxDir, 'no-templates')}`);
  });
});
