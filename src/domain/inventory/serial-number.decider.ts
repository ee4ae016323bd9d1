import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { isImportableSerial, isWellFormedSerial } from './serial-code';
import type { SerialNumberCommand, SerialNumberEvent, SerialSource } from './serial-number.events';

export * from './serial-number.events';

interface RegisteredSerial {
  readonly serial: string;
  readonly modelId: string;
  readonly batchId: string | null;
  readonly source: SerialSource;
  readonly registeredAt: string;
}
interface Allocation {
  readonly allocatedTo: string;
  readonly allocatedAt: string;
  readonly allocationId: string | null;
}
/** Where a sold serial came from: a wholesaler's allocation, or straight from the maker (all null). */
type SoldFrom = { readonly [K in keyof Allocation]: Allocation[K] | null };

export type SerialNumberState =
  | { readonly status: 'none' }
  | ({ readonly status: 'available' } & RegisteredSerial)
  | ({ readonly status: 'allocated' } & RegisteredSerial & Allocation)
  | ({ readonly status: 'sold'; readonly soldAt: string; readonly soldTo: string | null } & RegisteredSerial & SoldFrom)
  | ({
      readonly status: 'replaced';
      readonly replacementSerial: string;
      readonly claimId: string;
      readonly replacedAt: string;
    } & RegisteredSerial);

export type SerialNumberStatus = SerialNumberState['status'];

const MAX_REASON_LENGTH = 500;
const NOT_FROM = { allocatedTo: null, allocatedAt: null, allocationId: null } as const;

const registered = (s: RegisteredSerial): RegisteredSerial => ({
  serial: s.serial,
  modelId: s.modelId,
  batchId: s.batchId,
  source: s.source,
  registeredAt: s.registeredAt,
});

const assertReason = (reason: string): void => {
  if (reason.trim().length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw invalid('serial.invalid_reason', `A reason is 1..${MAX_REASON_LENGTH} characters`);
  }
};

const missing = (serial: string) => notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
const wrongStatus = (serial: string, status: SerialNumberStatus, code: string, wanted: string) =>
  conflict(code, `Serial ${serial} is ${status}; it must be ${wanted}`, { serial, status });

const register = (command: Extract<SerialNumberCommand, { type: 'RegisterSerialNumber' }>['data'], state: SerialNumberState) => {
  const { serial, source = 'generated' } = command;
  const wellFormed = source === 'imported' ? isImportableSerial(serial) : isWellFormedSerial(serial);
  if (!wellFormed) throw invalid('serial.malformed', `${serial} is not a well-formed serial number`, { serial, source });
  if (state.status !== 'none') throw conflict('serial.already_exists', `Serial ${serial} is already registered`, { serial });
  return [{ type: 'SerialNumberRegistered', data: { ...registered({ ...command, source }) } } as const];
};

const decide = (command: SerialNumberCommand, state: SerialNumberState): readonly SerialNumberEvent[] => {
  const { serial } = command.data;
  if (command.type === 'RegisterSerialNumber') return register(command.data, state);
  if (state.status === 'none') throw missing(serial);
  switch (command.type) {
    case 'AllocateSerialNumber': {
      if (state.status !== 'available') throw wrongStatus(serial, state.status, 'serial.not_available', 'available');
      const { wholesalerId, allocationId = null, allocatedAt } = command.data;
      return [{ type: 'SerialNumberAllocated', data: { serial, wholesalerId, allocationId, allocatedAt } }];
    }
    case 'ReleaseSerialNumber': {
      assertReason(command.data.reason);
      if (state.status !== 'allocated') throw wrongStatus(serial, state.status, 'serial.not_allocated', 'allocated');
      const { reason, releasedAt } = command.data;
      const { allocatedTo: wholesalerId, allocationId } = state;
      return [{ type: 'SerialNumberReleased', data: { serial, reason, releasedAt, wholesalerId, allocationId } }];
    }
    case 'SellSerialNumber': {
      if (state.status === 'sold') throw conflict('serial.already_sold', `Serial ${serial} is already sold`, { serial });
      if (state.status === 'replaced') throw wrongStatus(serial, state.status, 'serial.replaced', 'in stock');
      const { soldAt, soldTo } = command.data;
      return [{ type: 'SerialNumberSold', data: { serial, soldAt, soldTo } }];
    }
    case 'ReturnSerialNumber': {
      assertReason(command.data.reason);
      if (state.status !== 'sold') throw wrongStatus(serial, state.status, 'serial.not_sold', 'sold');
      const { reason, returnedAt } = command.data;
      const backTo = state.allocatedTo === null ? 'available' : 'allocated';
      return [
        {
          type: 'SerialNumberReturned',
          data: { serial, reason, returnedAt, backTo, wholesalerId: state.allocatedTo, soldTo: state.soldTo },
        },
      ];
    }
    case 'ReplaceSerialNumber': {
      const { replacementSerial, claimId, replacedAt } = command.data;
      if (state.status === 'replaced' && state.claimId === claimId && state.replacementSerial === replacementSerial) return [];
      if (state.status !== 'sold') throw wrongStatus(serial, state.status, 'serial.not_sold', 'sold');
      if (replacementSerial === serial) {
        throw invalid('serial.replacement_is_same', 'A serial cannot replace itself', { serial });
      }
      return [{ type: 'SerialNumberReplaced', data: { serial, replacementSerial, claimId, replacedAt } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: SerialNumberState, event: SerialNumberEvent): SerialNumberState => {
  if (event.type === 'SerialNumberRegistered') {
    return { status: 'available', ...registered({ ...event.data, source: event.data.source ?? 'generated' }) };
  }
  if (state.status === 'none') return state;
  const base = registered(state);
  switch (event.type) {
    // Each event is applied only from the status it follows; decide never appends one that does not.
    case 'SerialNumberAllocated': {
      if (state.status !== 'available') return state;
      const { wholesalerId, allocatedAt, allocationId = null } = event.data;
      return { status: 'allocated', ...base, allocatedTo: wholesalerId, allocatedAt, allocationId };
    }
    case 'SerialNumberReleased':
      return state.status === 'allocated' ? { status: 'available', ...base } : state;
    case 'SerialNumberSold': {
      if (state.status !== 'available' && state.status !== 'allocated') return state;
      const from: SoldFrom =
        state.status === 'allocated'
          ? { allocatedTo: state.allocatedTo, allocatedAt: state.allocatedAt, allocationId: state.allocationId }
          : NOT_FROM;
      return { status: 'sold', ...base, ...from, soldAt: event.data.soldAt, soldTo: event.data.soldTo };
    }
    case 'SerialNumberReturned':
      if (state.status !== 'sold') return state;
      if (state.allocatedTo === null || state.allocatedAt === null) return { status: 'available', ...base };
      return {
        status: 'allocated',
        ...base,
        allocatedTo: state.allocatedTo,
        allocatedAt: state.allocatedAt,
        allocationId: state.allocationId,
      };
    case 'SerialNumberReplaced': {
      if (state.status !== 'sold') return state;
      const { replacementSerial, claimId, replacedAt } = event.data;
      return { status: 'replaced', ...base, replacementSerial, claimId, replacedAt };
    }
    default:
      return assertNever(event);
  }
};

export const SerialNumberDecider: Decider<SerialNumberCommand, SerialNumberEvent, SerialNumberState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
