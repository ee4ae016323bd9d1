import type { DomainCommand, DomainEvent } from '../shared/event';

/** One stream per serial: registering appends to a new stream, so a serial exists at most once. */
export const serialNumberStreamId = (serial: string): string => `serial-${serial}`;

/** Generated serials carry our check character; imported ones come from a legacy system without it. */
export type SerialSource = 'generated' | 'imported';

export type RegisterSerialNumber = DomainCommand<
  'RegisterSerialNumber',
  {
    readonly serial: string;
    readonly modelId: string;
    readonly batchId: string | null;
    /** Absent on events stored before imports existed: those were generated. */
    readonly source?: SerialSource;
    readonly registeredAt: string;
  }
>;
export type AllocateSerialNumber = DomainCommand<
  'AllocateSerialNumber',
  {
    readonly serial: string;
    readonly wholesalerId: string;
    /** The stock allocation record the serial belongs to (absent on events stored before allocation records). */
    readonly allocationId?: string | null;
    readonly allocatedAt: string;
  }
>;
/** Allocated stock goes back to the maker's available stock (a wholesaler hands it back, or an allocation is undone). */
export type ReleaseSerialNumber = DomainCommand<
  'ReleaseSerialNumber',
  { readonly serial: string; readonly reason: string; readonly releasedAt: string }
>;
export type SellSerialNumber = DomainCommand<
  'SellSerialNumber',
  { readonly serial: string; readonly soldAt: string; readonly soldTo: string | null }
>;
/** A consumer brings a sold battery back: it returns to the stock it was sold from. */
export type ReturnSerialNumber = DomainCommand<
  'ReturnSerialNumber',
  { readonly serial: string; readonly reason: string; readonly returnedAt: string }
>;
/** A claim replaced the battery: the serial leaves circulation for good. */
export type ReplaceSerialNumber = DomainCommand<
  'ReplaceSerialNumber',
  { readonly serial: string; readonly replacementSerial: string; readonly claimId: string; readonly replacedAt: string }
>;
export type SerialNumberCommand =
  | RegisterSerialNumber
  | AllocateSerialNumber
  | ReleaseSerialNumber
  | SellSerialNumber
  | ReturnSerialNumber
  | ReplaceSerialNumber;

export type SerialNumberRegistered = DomainEvent<'SerialNumberRegistered', RegisterSerialNumber['data']>;
export type SerialNumberAllocated = DomainEvent<'SerialNumberAllocated', AllocateSerialNumber['data']>;
export type SerialNumberReleased = DomainEvent<
  'SerialNumberReleased',
  ReleaseSerialNumber['data'] & { readonly wholesalerId: string; readonly allocationId: string | null }
>;
export type SerialNumberSold = DomainEvent<'SerialNumberSold', SellSerialNumber['data']>;
export type SerialNumberReturned = DomainEvent<
  'SerialNumberReturned',
  ReturnSerialNumber['data'] & {
    /** Back in the wholesaler's stock when it was sold from there, else in the maker's available stock. */
    readonly backTo: 'available' | 'allocated';
    readonly wholesalerId: string | null;
    readonly soldTo: string | null;
  }
>;
export type SerialNumberReplaced = DomainEvent<'SerialNumberReplaced', ReplaceSerialNumber['data']>;
export type SerialNumberEvent =
  | SerialNumberRegistered
  | SerialNumberAllocated
  | SerialNumberReleased
  | SerialNumberSold
  | SerialNumberReturned
  | SerialNumberReplaced;
