import type { RecordedEvent } from '../shared/ports/event-store.port';

export interface PlannedNotification {
  /** Tells apart the notifications one event causes (e.g. `email:consumer`); part of the at-most-once key. */
  readonly key: string;
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly template: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What to send when an event is stored. The notification reactor runs `plan` for each event of `eventTypes` and
 * sends each planned notification at most once: its id is derived from the event id, `name` and the plan's `key`,
 * so `name` and the keys must never change once notifications have been sent under them.
 */
export interface NotificationRule {
  readonly name: string;
  readonly eventTypes: readonly string[];
  plan(event: RecordedEvent): Promise<readonly PlannedNotification[]>;
}

/**
 * A consumer's notification: a mail where they gave an address, an SMS where they gave a phone, under the keys
 * `email:consumer` and `sms:consumer` (part of each notification's id: never rename them).
 */
export const toConsumer = (
  contact: { readonly email: string | null; readonly phone: string | null },
  template: string,
  data: Readonly<Record<string, unknown>>,
): PlannedNotification[] => [
  ...(contact.email ? [{ key: 'email:consumer', channel: 'email', to: contact.email, template, data } as const] : []),
  ...(contact.phone ? [{ key: 'sms:consumer', channel: 'sms', to: contact.phone, template, data } as const] : []),
];

/** One mail to each address (staff), keyed by the address. */
export const mailToEach = (addresses: readonly string[], template: string, data: Readonly<Record<string, unknown>>): PlannedNotification[] =>
  addresses.map((to) => ({ key: `email:${to}`, channel: 'email', to, template, data }));
