/** A text message built from a named template and the data it is rendered with. */
export interface OutgoingSms {
  /** E.164, e.g. `+254712345678`. */
  readonly to: string;
  /** A template name, e.g. `otp-login`. */
  readonly template: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SmsSender {
  /** Resolves once the provider accepts the message; throws an `unavailable` DomainError (`sms.unavailable`) if it does not. */
  send(sms: OutgoingSms): Promise<{ readonly messageId: string | null }>;
}
