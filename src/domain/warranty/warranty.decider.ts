import { addDays, addMonths, compareDates, isIsoTimestamp, toCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { isEmailAddress, isPhoneNumber } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { isWarrantyNumber } from './warranty-number';
import type { ActivateWarranty, WarrantyCommand, WarrantyConsumer, WarrantyEvent, WarrantyTerms } from './warranty.events';

export * from './warranty.events';

type IssuedWarranty = WarrantyTerms & { readonly serial: string; readonly activatedAt: string; readonly reminded: boolean };
export type WarrantyState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & IssuedWarranty)
  | ({ readonly status: 'expired'; readonly expiredAt: string } & IssuedWarranty)
  | ({ readonly status: 'void'; readonly voidedAt: string; readonly voidReason: string } & IssuedWarranty)
  | ({ readonly status: 'transferred'; readonly transferredTo: string; readonly claimId: string } & IssuedWarranty);

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

const assertSerialEligible = (serial: string, serialStatus: ActivateWarranty['data']['serialStatus']): void => {
  switch (serialStatus) {
    case 'unknown':
      throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    case 'allocated':
      throw conflict('warranty.serial_not_eligible', `Serial ${serial} is in a wholesaler's stock and must be sold first`, { serial });
    case 'replaced':
      throw conflict('warranty.serial_not_eligible', `Serial ${serial} was replaced under a claim and is out of circulation`, {
        serial,
      });
    case 'available':
    case 'sold':
      return;
    default:
      return assertNever(serialStatus);
  }
};

const activate = (data: ActivateWarranty['data'], state: WarrantyState): readonly WarrantyEvent[] => {
  const { warrantyId, warrantyNumber, serial, modelId, warrantyMonths, channel, activatedAt, activatedBy } = data;
  if (!Number.isInteger(warrantyMonths) || warrantyMonths < 1 || warrantyMonths > MAX_WARRANTY_MONTHS) {
    throw invalid('warranty.invalid_months', `Warranty months must be an integer in 1..${MAX_WARRANTY_MONTHS}`, { warrantyMonths });
  }
  if (!isIsoTimestamp(activatedAt)) {
    throw invalid('warranty.invalid_activated_at', 'activatedAt must be an ISO 8601 timestamp with an offset', { activatedAt });
  }
  if (!isWarrantyNumber(warrantyNumber)) {
    throw invalid('warranty.invalid_number', 'A warranty number reads WR-XXXX-XXXX', { warrantyNumber });
  }
  const consumer = validConsumer(data.consumer);
  assertSerialEligible(serial, data.serialStatus);
  if (state.status === 'active') {
    throw conflict('warranty.already_active', `Serial ${serial} already has an active warranty`, { serial, warrantyId: state.warrantyId });
  }
  if (state.status === 'expired') {
    throw conflict('warranty.expired', `The warranty of serial ${serial} has expired; a battery is warranted once`, {
      serial,
      warrantyId: state.warrantyId,
    });
  }
  const startsOn = toCalendarDate(activatedAt);
  const endsOn = addMonths(startsOn, warrantyMonths);
  return [
    {
      type: 'WarrantyActivated',
      data: { warrantyId, warrantyNumber, serial, modelId, consumer, startsOn, endsOn, channel, activatedAt, activatedBy },
    },
  ];
};

const notActive = (serial: string, warrantyId: string) =>
  conflict('warranty.not_active', `Warranty ${warrantyId} is not the active warranty of ${serial}`, { serial, warrantyId });

/** The active warranty `warrantyId` of the stream, or a not-found / not-active error. */
const activeOne = (state: WarrantyState, serial: string, warrantyId: string) => {
  if (state.status === 'none') throw notFound('warranty.not_found', `Serial ${serial} has no warranty`, { serial, warrantyId });
  if (state.status !== 'active' || state.warrantyId !== warrantyId) throw notActive(serial, warrantyId);
  return state;
};

const decide = (command: WarrantyCommand, state: WarrantyState): readonly WarrantyEvent[] => {
  switch (command.type) {
    case 'ActivateWarranty':
      return activate(command.data, state);
    case 'VoidWarranty': {
      const { serial, warrantyId, reason } = command.data;
      if (reason.trim().length === 0 || reason.length > MAX_VOID_REASON_LENGTH) {
        throw invalid('warranty.invalid_void_reason', `A void reason is 1..${MAX_VOID_REASON_LENGTH} characters`);
      }
      activeOne(state, serial, warrantyId);
      return [{ type: 'WarrantyVoided', data: command.data }];
    }
    case 'RemindWarrantyExpiry': {
      const { serial, warrantyId, today, withinDays, remindedAt } = command.data;
      const active = activeOne(state, serial, warrantyId);
      const due = compareDates(active.endsOn, addDays(today, withinDays)) <= 0 && compareDates(active.endsOn, today) >= 0;
      if (active.reminded || !due) return [];
      return [{ type: 'WarrantyExpiryReminded', data: { serial, warrantyId, endsOn: active.endsOn, remindedAt } }];
    }
    case 'ExpireWarranty': {
      const { serial, warrantyId, today, expiredAt } = command.data;
      if (state.status === 'expired' && state.warrantyId === warrantyId) return [];
      const active = activeOne(state, serial, warrantyId);
      if (compareDates(active.endsOn, today) >= 0) return [];
      return [{ type: 'WarrantyExpired', data: { serial, warrantyId, endsOn: active.endsOn, expiredAt } }];
    }
    case 'TransferWarrantyOut': {
      const { serial, warrantyId, toSerial, claimId } = command.data;
      if (state.status === 'transferred' && state.warrantyId === warrantyId && state.transferredTo === toSerial) return [];
      activeOne(state, serial, warrantyId);
      if (claimId.length === 0) throw invalid('warranty.claim_required', 'A transfer names the claim that replaced the battery');
      return [{ type: 'WarrantyTransferredOut', data: command.data }];
    }
    case 'TransferWarrantyIn': {
      const { serial, warrantyId } = command.data;
      if (state.status === 'active' && state.warrantyId === warrantyId) return [];
      if (state.status === 'active') {
        throw conflict('warranty.already_active', `Serial ${serial} already has an active warranty`, { serial, warrantyId: state.warrantyId });
      }
      return [{ type: 'WarrantyTransferredIn', data: command.data }];
    }
    default:
      return assertNever(command);
  }
};

const terms = (data: WarrantyTerms): WarrantyTerms => ({
  warrantyId: data.warrantyId,
  warrantyNumber: data.warrantyNumber,
  modelId: data.modelId,
  consumer: data.consumer,
  startsOn: data.startsOn,
  endsOn: data.endsOn,
});

const evolve = (state: WarrantyState, event: WarrantyEvent): WarrantyState => {
  switch (event.type) {
    case 'WarrantyActivated':
      return { status: 'active', ...terms(event.data), serial: event.data.serial, activatedAt: event.data.activatedAt, reminded: false };
    case 'WarrantyTransferredIn':
      return { status: 'active', ...terms(event.data), serial: event.data.serial, activatedAt: event.data.transferredAt, reminded: false };
    default:
      break;
  }
  if (state.status !== 'active' || state.warrantyId !== event.data.warrantyId) return state;
  switch (event.type) {
    case 'WarrantyVoided':
      return { ...state, status: 'void', voidedAt: event.data.voidedAt, voidReason: event.data.reason };
    case 'WarrantyExpiryReminded':
      return { ...state, reminded: true };
    case 'WarrantyExpired':
      return { ...state, status: 'expired', expiredAt: event.data.expiredAt };
    case 'WarrantyTransferredOut':
      return { ...state, status: 'transferred', transferredTo: event.data.toSerial, claimId: event.data.claimId };
    default:
      return assertNever(event);
  }
};

export const WarrantyDecider: Decider<WarrantyCommand, WarrantyEvent, WarrantyState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};

export type CoverageStatus = 'active' | 'expired' | 'void' | 'transferred' | 'none';

/** What coverage needs to know: the warranty's stored status and end date. */
export type CoverageFacts =
  | { readonly status: 'none' | 'void' | 'transferred' | 'expired' }
  | { readonly status: 'active'; readonly endsOn: CalendarDate };

/**
 * Coverage on a given day; a warranty covers its end date and expires the day after, whether or not the
 * daily sweep has recorded the expiry yet.
 */
export const coverageStatus = (facts: CoverageFacts, today: CalendarDate): CoverageStatus => {
  if (facts.status !== 'active') return facts.status;
  return compareDates(facts.endsOn, today) < 0 ? 'expired' : 'active';
};
