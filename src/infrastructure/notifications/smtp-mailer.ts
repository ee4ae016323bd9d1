import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPSentMessageInfo, SMTPTransportOptions, Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../application/shared/ports/mailer.port';
import { unavailable } from '../../domain/shared/domain-error';
import type { HandlebarsTemplateRenderer } from './handlebars-template-renderer';

export interface SmtpMailerOptions {
  /** `smtp://` or `smtps://`, credentials in the URL; nodemailer reads transport options from its query string. */
  readonly smtpUrl: string;
  readonly from: string;
  readonly renderer: HandlebarsTemplateRenderer;
}

/** What went wrong, by nodemailer's code and the SMTP reply code: never the URL (it holds the password) or the text. */
const describe = (error: NodemailerError): string =>
  [error.code, error.originalCode, error.responseCode].filter((part) => part !== undefined).join(' ') || 'unknown error';

/** Mail over SMTP: one message with an HTML and a text part. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPSentMessageInfo, SMTPTransportOptions>;

  constructor(private readonly options: SmtpMailerOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl, { from: options.from });
  }

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    const rendered = await this.options.renderer.renderMail(mail.template, mail.data);
    try {
      const info = await this.transport.sendMail({ to: mail.to, ...rendered });
      return { messageId: info.messageId };
    } catch (error) {
      throw unavailable('mail.unavailable', `The mail could not be sent (SMTP ${describe(error as NodemailerError)})`);
    }
  }
}
