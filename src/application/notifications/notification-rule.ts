import { toE164Phone } from '../../domain/shared/contact';
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
 * `email:consumer` and `sms:consumer` (part of each notification's id: never rename them). Consumers' phones are
 * stored as typed (0712 345 678); SMS providers need E.164, so a national number gets `defaultCountryCode`, and a
 * phone that cannot be read as E.164 gets no SMS.
 */
export const toConsumer = (
  contact: { readonly email: string | null; readonly phone: string | null },
  defaultCountryCode: string,
  template: string,
  data: Readonly<Record<string, unknown>>,
): PlannedNotification[] => {
  const phone = contact.phone ? toE164Phone(contact.phone, defaultCountryCode) : null;
  return [
    ...(contact.email ? [{ key: 'email:consumer', channel: 'email', to: contact.email, template, data } as const] : []),
    ...(phone ? [{ key: 'sms:consumer', channel: 'sms', to: phone, template, data } as const] : []),
  ];
};

/** One mail to each address (staff), keyed by the address. */
export const mailToEach = (addresses: readonly string[], template: string, data: Readonly<Record<string, unknown>>): PlannedNotification[] =>
  addresses.map((to) => ({ key: `email:${to}`, channel: 'email', to, template, data }));
