import type { OutgoingSms, SmsSender } from '../../application/shared/ports/sms-sender.port';
import { unavailable } from '../../domain/shared/domain-error';
import { readAfricasTalkingOutcome } from './africas-talking-response';
import type { HandlebarsTemplateRenderer } from './handlebars-template-renderer';

export interface AfricasTalkingSmsSenderOptions {
  /** The Africa's Talking application's username; `sandbox` selects the sandbox API. */
  readonly username: string;
  readonly apiKey: string;
  /** A registered alphanumeric sender id or short code; unset: the account's default. */
  readonly senderId?: string;
  readonly renderer: HandlebarsTemplateRenderer;
  /** Where the API lives (tests point it at a local server); default from the username. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

const LIVE_URL = 'https://api.africastalking.com';
const SANDBOX_URL = 'https://api.sandbox.africastalking.com';
const DEFAULT_TIMEOUT_MS = 10_000;

/** Text messages through Africa's Talking's SMS API: one form POST per message. */
export class AfricasTalkingSmsSender implements SmsSender {
  private readonly url: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: AfricasTalkingSmsSenderOptions) {
    const base = options.baseUrl ?? (options.username === 'sandbox' ? SANDBOX_URL : LIVE_URL);
    this.url = `${base.replace(/\/+$/, '')}/version1/messaging`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send(sms: OutgoingSms): Promise<{ readonly messageId: string | null }> {
    const message = await this.options.renderer.renderSms(sms.template, sms.data);
    const form = new URLSearchParams({ username: this.options.username, to: sms.to, message });
    if (this.options.senderId) form.set('from', this.options.senderId);

    const answer = await this.post(form);
    if (answer.status < 200 || answer.status >= 300) throw this.failure(`Africa's Talking answered HTTP ${answer.status}`);
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw this.failure(`Africa's Talking answered HTTP ${answer.status} with a body that is not JSON`);
    }
    const outcome = readAfricasTalkingOutcome(body);
    if (!outcome.accepted) throw this.failure(`Africa's Talking refused it: ${outcome.reason}`);
    return { messageId: outcome.messageId };
  }

  private async post(form: URLSearchParams): Promise<{ status: number; text: string }> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          apiKey: this.options.apiKey,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: form,
        // One signal for the request and the body: a server that stalls mid-answer times out too.
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // Read by shape, not `instanceof`: fetch's errors may come from another realm (jest's sandbox, for one).
      const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
      if (name === 'TimeoutError') throw this.failure(`Africa's Talking did not answer within ${this.timeoutMs} ms`);
      const code = typeof cause?.code === 'string' ? cause.code : 'network error';
      throw this.failure(`Africa's Talking could not be reached (${code})`);
    }
  }

  /** The reason comes from the provider's answer: keep the key out even if an answer echoes it. */
  private failure(reason: string) {
    return unavailable('sms.unavailable', `The SMS could not be sent: ${reason.split(this.options.apiKey).join('***')}`);
  }
}
