import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../application/shared/ports/clock.port';
import type { OutgoingSms, SmsSender } from '../../application/shared/ports/sms-sender.port';
import { unavailable } from '../../domain/shared/domain-error';
import { SystemClock } from '../system/system-clock';
import type { HandlebarsTemplateRenderer } from './handlebars-template-renderer';

export interface OutboxSmsSenderOptions {
  /** Messages are appended to `<outboxDir>/sms.jsonl`. */
  readonly outboxDir: string;
  readonly renderer: HandlebarsTemplateRenderer;
  readonly clock?: Clock;
}

/** Development SMS: one JSON line `{to, template, text, at}` per message, for a developer (or a test) to read. */
export class OutboxSmsSender implements SmsSender {
  private readonly file: string;
  private readonly clock: Clock;

  constructor(private readonly options: OutboxSmsSenderOptions) {
    this.file = path.join(options.outboxDir, 'sms.jsonl');
    this.clock = options.clock ?? new SystemClock();
  }

  async send(sms: OutgoingSms): Promise<{ readonly messageId: string | null }> {
    const text = await this.options.renderer.renderSms(sms.template, sms.data);
    const line = `${JSON.stringify({ to: sms.to, template: sms.template, text, at: this.clock.now().toISOString() })}\n`;
    try {
      await mkdir(this.options.outboxDir, { recursive: true });
      // The whole line in one append (O_APPEND): lines of concurrent sends do not interleave.
      await appendFile(this.file, line, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw unavailable('sms.unavailable', `The SMS could not be written to the outbox (${code})`);
    }
    return { messageId: randomUUID() };
  }
}
