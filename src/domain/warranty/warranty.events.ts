import type { CalendarDate } from '../shared/calendar-date';
import type { DomainCommand, DomainEvent } from '../shared/event';

/** One stream per serial, so a serial has at most one active warranty without a cross-stream check. */
export const warrantyStreamId = (serial: string): string => `warranty-${serial}`;

export interface WarrantyConsumer {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The serial's status as the handler read it; 'unknown' when the serial was never registered. */
export type SerialStatusForWarranty = 'available' | 'allocated' | 'sold' | 'replaced' | 'unknown';

/** Who put the warranty in place: the consumer activating it, a wholesaler at the sale, or the maker's staff. */
export type WarrantyChannel = 'consumer' | 'wholesaler' | 'staff';

/** The facts a warranty keeps wherever it lives (moved to a replacement serial, it keeps them). */
export interface WarrantyTerms {
  readonly warrantyId: string;
  readonly warrantyNumber: string;
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
}

export type ActivateWarranty = DomainCommand<
  'ActivateWarranty',
  {
    readonly warrantyId: string;
    readonly warrantyNumber: string;
    readonly serial: string;
    readonly serialStatus: SerialStatusForWarranty;
    readonly modelId: string;
    readonly warrantyMonths: number;
    readonly consumer: WarrantyConsumer;
    readonly channel: WarrantyChannel;
    readonly activatedAt: string;
    readonly activatedBy: string | null;
  }
>;
export type VoidWarranty = DomainCommand<
  'VoidWarranty',
  { readonly serial: string; readonly warrantyId: string; readonly reason: string; readonly voidedAt: string; readonly voidedBy: string | null }
>;
/** Sent by the daily sweep for warranties ending within `withinDays`; a warranty is reminded once. */
export type RemindWarrantyExpiry = DomainCommand<
  'RemindWarrantyExpiry',
  { readonly serial: string; readonly warrantyId: string; readonly today: CalendarDate; readonly withinDays: number; readonly remindedAt: string }
>;
/** Sent by the daily sweep once a warranty's end date has passed. */
export type ExpireWarranty = DomainCommand<
  'ExpireWarranty',
  { readonly serial: string; readonly warrantyId: string; readonly today: CalendarDate; readonly expiredAt: string }
>;
/** A claim replaced the battery: the warranty leaves this serial ... */
export type TransferWarrantyOut = DomainCommand<
  'TransferWarrantyOut',
  { readonly serial: string; readonly warrantyId: string; readonly toSerial: string; readonly claimId: string; readonly transferredAt: string }
>;
/** ... and continues, same number and dates, on the replacement serial. */
export type TransferWarrantyIn = DomainCommand<
  'TransferWarrantyIn',
  WarrantyTerms & { readonly serial: string; readonly fromSerial: string; readonly claimId: string; readonly transferredAt: string }
>;
export type WarrantyCommand =
  | ActivateWarranty
  | VoidWarranty
  | RemindWarrantyExpiry
  | ExpireWarranty
  | TransferWarrantyOut
  | TransferWarrantyIn;

export type WarrantyActivated = DomainEvent<
  'WarrantyActivated',
  WarrantyTerms & {
    readonly serial: string;
    /** Absent on events stored before channels were recorded. */
    readonly channel?: WarrantyChannel;
    readonly activatedAt: string;
    readonly activatedBy: string | null;
  }
>;
export type WarrantyVoided = DomainEvent<'WarrantyVoided', VoidWarranty['data']>;
export type WarrantyExpiryReminded = DomainEvent<
  'WarrantyExpiryReminded',
  { readonly serial: string; readonly warrantyId: string; readonly endsOn: CalendarDate; readonly remindedAt: string }
>;
export type WarrantyExpired = DomainEvent<
  'WarrantyExpired',
  { readonly serial: string; readonly warrantyId: string; readonly endsOn: CalendarDate; readonly expiredAt: string }
>;
export type WarrantyTransferredOut = DomainEvent<'WarrantyTransferredOut', TransferWarrantyOut['data']>;
export type WarrantyTransferredIn = DomainEvent<'WarrantyTransferredIn', TransferWarrantyIn['data']>;
export type WarrantyEvent =
  | WarrantyActivated
  | WarrantyVoided
  | WarrantyExpiryReminded
  | WarrantyExpired
  | WarrantyTransferredOut
  | WarrantyTransferredIn;
