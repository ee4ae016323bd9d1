import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { StreamSentMessageInfo, StreamTransportOptions, Transporter } from 'nodemailer';
import type { Clock } from '../../application/shared/ports/clock.port';
import type { Mailer, OutgoingMail } from '../../application/shared/ports/mailer.port';
import { unavailable } from '../../domain/shared/domain-error';
import { SystemClock } from '../system/system-clock';
import { writeFileAtomically } from './atomic-file-writer';
import type { HandlebarsTemplateRenderer } from './handlebars-template-renderer';

export interface OutboxMailerOptions {
  /** Mail lands in `<outboxDir>/mail/`. */
  readonly outboxDir: string;
  readonly from: string;
  readonly renderer: HandlebarsTemplateRenderer;
  readonly clock?: Clock;
}

/** Letters, digits, `.` and `-` only: safe in a file name on any system. */
const safe = (value: string): string => value.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * Development mail: the real RFC 5322 message nodemailer would send, written to
 * `<outboxDir>/mail/<time>-<message id>.eml` for a developer (or a test) to open.
 */
export class OutboxMailer implements Mailer {
  private readonly transport: Transporter<StreamSentMessageInfo, StreamTransportOptions>;
  private readonly mailDir: string;
  private readonly clock: Clock;

  constructor(private readonly options: OutboxMailerOptions) {
    // CRLF line ends, as on the wire; mail clients open such .eml files as they are.
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, { from: options.from });
    this.mailDir = path.join(options.outboxDir, 'mail');
    this.clock = options.clock ?? new SystemClock();
  }

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    const rendered = await this.options.renderer.renderMail(mail.template, mail.data);
    const info = await this.transport.sendMail({ to: mail.to, ...rendered });
    const file = path.join(this.mailDir, `${safe(this.clock.now().toISOString())}-${safe(info.messageId)}.eml`);
    try {
      await mkdir(this.mailDir, { recursive: true });
      // `buffer: true` makes the message a Buffer, not a stream.
      await writeFileAtomically(file, info.message as Buffer);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw unavailable('mail.unavailable', `The mail could not be written to the outbox (${code})`);
    }
    return { messageId: info.messageId };
  }
}
