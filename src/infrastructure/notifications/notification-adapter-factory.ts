import type { Mailer } from '../../application/shared/ports/mailer.port';
import type { SmsSender } from '../../application/shared/ports/sms-sender.port';
import { AfricasTalkingSmsSender } from './africas-talking-sms-sender';
import { HandlebarsTemplateRenderer } from './handlebars-template-renderer';
import { OutboxMailer } from './outbox-mailer';
import { OutboxSmsSender } from './outbox-sms-sender';
import { SmtpMailer } from './smtp-mailer';

export interface NotificationSettings {
  /** Unset: mail goes to the outbox. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly smsProvider: 'outbox' | 'africastalking';
  readonly africasTalkingUsername?: string;
  readonly africasTalkingApiKey?: string;
  readonly smsSenderId?: string;
  /** Development mail and SMS land here: `mail/*.eml` and `sms.jsonl`. */
  readonly outboxDir: string;
  /** Default: the repository's `templates/` folder. */
  readonly templatesDir?: string;
}

export interface NotificationAdapters {
  readonly mailer: Mailer;
  readonly smsSender: SmsSender;
}

/** Mail over SMTP when a URL is set, SMS through Africa's Talking when chosen; the outbox otherwise. */
export const createNotificationAdapters = (settings: NotificationSettings): NotificationAdapters => {
  const renderer = new HandlebarsTemplateRenderer(settings.templatesDir);
  const mailer = settings.smtpUrl
    ? new SmtpMailer({ smtpUrl: settings.smtpUrl, from: settings.mailFrom, renderer })
    : new OutboxMailer({ outboxDir: settings.outboxDir, from: settings.mailFrom, renderer });
  return { mailer, smsSender: createSmsSender(settings, renderer) };
};

const createSmsSender = (settings: NotificationSettings, renderer: HandlebarsTemplateRenderer): SmsSender => {
  if (settings.smsProvider === 'outbox') return new OutboxSmsSender({ outboxDir: settings.outboxDir, renderer });
  const { africasTalkingUsername: username, africasTalkingApiKey: apiKey } = settings;
  if (!username || !apiKey) throw new Error("SMS through Africa's Talking needs a username and an API key");
  return new AfricasTalkingSmsSender({ username, apiKey, senderId: settings.smsSenderId, renderer });
};
