/** An email built from a named template (subject, HTML and text parts) and the data it is rendered with. */
export interface OutgoingMail {
  readonly to: string;
  /** A template name, e.g. `password-reset`: the adapter renders its subject, HTML and text parts. */
  readonly template: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Mailer {
  /** Resolves once the message is handed over; throws an `unavailable` DomainError (`mail.unavailable`) if it cannot be. */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}
