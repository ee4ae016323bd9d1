import { addMonths, compareDates, isIsoTimestamp, toCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { isEmailAddress, isPhoneNumber } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/** One stream per serial, so a serial has at most one active warranty without a cross-stream check. */
export const warrantyStreamId = (serial: string): string => `warranty-${serial}`;

export interface WarrantyConsumer {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The serial's status as the handler read it; 'unknown' when the serial was never registered. */
export type SerialStatusForWarranty = 'available' | 'allocated' | 'sold' | 'unknown';

export type ActivateWarranty = DomainCommand<
  'ActivateWarranty',
  {
    readonly warrantyId: string;
    readonly serial: string;
    readonly serialStatus: SerialStatusForWarranty;
    readonly modelId: string;
    readonly warrantyMonths: number;
    readonly consumer: WarrantyConsumer;
    readonly activatedAt: string;
    readonly activatedBy: string | null;
  }
>;
export type VoidWarranty = DomainCommand<
  'VoidWarranty',
  {
    readonly serial: string;
    readonly warrantyId: string;
    readonly reason: string;
    readonly voidedAt: string;
    readonly voidedBy: string | null;
  }
>;
export type WarrantyCommand = ActivateWarranty | VoidWarranty;

export type WarrantyActivated = DomainEvent<
  'WarrantyActivated',
  {
    readonly warrantyId: string;
    readonly serial: string;
    readonly modelId: string;
    readonly consumer: WarrantyConsumer;
    readonly startsOn: CalendarDate;
    readonly endsOn: CalendarDate;
    readonly activatedAt: string;
    readonly activatedBy: string | null;
  }
>;
export type WarrantyVoided = DomainEvent<
  'WarrantyVoided',
  {
    readonly warrantyId: string;
    readonly serial: string;
    readonly reason: string;
    readonly voidedAt: string;
    readonly voidedBy: string | null;
  }
>;
export type WarrantyEvent = WarrantyActivated | WarrantyVoided;

interface IssuedWarranty {
  readonly warrantyId: string;
  readonly serial: string;
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly activatedAt: string;
}
export type WarrantyState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & IssuedWarranty)
  | ({ readonly status: 'void'; readonly voidedAt: string; readonly voidReason: string } & IssuedWarranty);

const MAX_CONSUMER_NAME_LENGTH = 120;
const MAX_VOID_REASON_LENGTH = 500;
const MAX_WARRANTY_MONTHS = 240;

const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value);

/** Validates the consumer; a blank phone or email counts as not given. */
const validConsumer = (consumer: WarrantyConsumer): WarrantyConsumer => {
  const name = consumer.name;
  const phone = blankToNull(consumer.phone);
  const email = blankToNull(consumer.email);
  if (name.trim().length === 0 || name.length > MAX_CONSUMER_NAME_LENGTH) {
    throw invalid('warranty.invalid_consumer_name', `The consumer's name is 1..${MAX_CONSUMER_NAME_LENGTH} characters`);
  }
  if (phone === null && email === null) {
    throw invalid('warranty.consumer_contact_required', 'A consumer needs a phone number or an email address');
  }
  if (phone !== null && !isPhoneNumber(phone)) {
    throw invalid('warranty.invalid_consumer_phone', 'The consumer phone number is not valid', { phone });
  }
  if (email !== null && !isEmailAddress(email)) {
    throw invalid('warranty.invalid_consumer_email', 'The consumer email address is not valid', { email });
  }
  return { name, phone, email };
};

const activate = (data: ActivateWarranty['data'], state: WarrantyState): readonly WarrantyEvent[] => {
  const { warrantyId, serial, modelId, warrantyMonths, activatedAt, activatedBy } = data;
  if (!Number.isInteger(warrantyMonths) || warrantyMonths < 1 || warrantyMonths > MAX_WARRANTY_MONTHS) {
    throw invalid('warranty.invalid_months', `Warranty months must be an integer in 1..${MAX_WARRANTY_MONTHS}`, {
      warrantyMonths,
    });
  }
  if (!isIsoTimestamp(activatedAt)) {
    throw invalid('warranty.invalid_activated_at', 'activatedAt must be an ISO 8601 timestamp with an offset', {
      activatedAt,
    });
  }
  const consumer = validConsumer(data.consumer);
  switch (data.serialStatus) {
    case 'unknown':
      throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    case 'allocated':
      throw conflict('warranty.serial_not_eligible', `Serial ${serial} is in a wholesaler's stock and must be sold first`, {
        serial,
      });
    case 'available':
    case 'sold':
      break;
    default:
      return assertNever(data.serialStatus);
  }
  if (state.status === 'active') {
    throw conflict('warranty.already_active', `Serial ${serial} already has an active warranty`, {
      serial,
      warrantyId: state.warrantyId,
    });
  }
  const startsOn = toCalendarDate(activatedAt);
  const endsOn = addMonths(startsOn, warrantyMonths);
  return [
    {
      type: 'WarrantyActivated',
      data: { warrantyId, serial, modelId, consumer, startsOn, endsOn, activatedAt, activatedBy },
    },
  ];
};

const voidWarranty = (data: VoidWarranty['data'], state: WarrantyState): readonly WarrantyEvent[] => {
  const { serial, warrantyId, reason, voidedAt, voidedBy } = data;
  if (reason.trim().length === 0 || reason.length > MAX_VOID_REASON_LENGTH) {
    throw invalid('warranty.invalid_void_reason', `A void reason is 1..${MAX_VOID_REASON_LENGTH} characters`);
  }
  if (state.status === 'none') {
    throw notFound('warranty.not_found', `Serial ${serial} has no warranty`, { serial, warrantyId });
  }
  if (state.status !== 'active' || state.warrantyId !== warrantyId) {
    throw conflict('warranty.not_active', `Warranty ${warrantyId} is not the active warranty of ${serial}`, {
      serial,
      warrantyId,
    });
  }
  return [{ type: 'WarrantyVoided', data: { warrantyId, serial, reason, voidedAt, voidedBy } }];
};

const decide = (command: WarrantyCommand, state: WarrantyState): readonly WarrantyEvent[] => {
  switch (command.type) {
    case 'ActivateWarranty':
      return activate(command.data, state);
    case 'VoidWarranty':
      return voidWarranty(command.data, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: WarrantyState, event: WarrantyEvent): WarrantyState => {
  switch (event.type) {
    case 'WarrantyActivated': {
      const { warrantyId, serial, modelId, consumer, startsOn, endsOn, activatedAt } = event.data;
      return { status: 'active', warrantyId, serial, modelId, consumer, startsOn, endsOn, activatedAt };
    }
    case 'WarrantyVoided':
      if (state.status !== 'active' || state.warrantyId !== event.data.warrantyId) return state;
      return { ...state, status: 'void', voidedAt: event.data.voidedAt, voidReason: event.data.reason };
    default:
      return assertNever(event);
  }
};

export const WarrantyDecider: Decider<WarrantyCommand, WarrantyEvent, WarrantyState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};

export type CoverageStatus = 'active' | 'expired' | 'void' | 'none';

/** What coverage needs to know: the warranty state, or a read model's status and end date. */
export type CoverageFacts =
  | { readonly status: 'none' }
  | { readonly status: 'void' }
  | { readonly status: 'active'; readonly endsOn: CalendarDate };

/** Coverage on a given day; a warranty covers its end date and expires the day after. */
export const coverageStatus = (facts: CoverageFacts, today: CalendarDate): CoverageStatus => {
  switch (facts.status) {
    case 'none':
    case 'void':
      return facts.status;
    case 'active':
      return compareDates(facts.endsOn, today) < 0 ? 'expired' : 'active';
    default:
      return assertNever(facts);
  }
};
