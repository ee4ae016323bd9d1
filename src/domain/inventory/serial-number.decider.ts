import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';
import { isWellFormedSerial } from './serial-code';

/** One stream per serial: registering appends to a new stream, so a serial exists at most once. */
export const serialNumberStreamId = (serial: string): string => `serial-${serial}`;

export type RegisterSerialNumber = DomainCommand<
  'RegisterSerialNumber',
  { readonly serial: string; readonly modelId: string; readonly batchId: string | null; readonly registeredAt: string }
>;
export type AllocateSerialNumber = DomainCommand<
  'AllocateSerialNumber',
  { readonly serial: string; readonly wholesalerId: string; readonly allocatedAt: string }
>;
export type SellSerialNumber = DomainCommand<
  'SellSerialNumber',
  { readonly serial: string; readonly soldAt: string; readonly soldTo: string | null }
>;
export type SerialNumberCommand = RegisterSerialNumber | AllocateSerialNumber | SellSerialNumber;

export type SerialNumberRegistered = DomainEvent<'SerialNumberRegistered', RegisterSerialNumber['data']>;
export type SerialNumberAllocated = DomainEvent<'SerialNumberAllocated', AllocateSerialNumber['data']>;
export type SerialNumberSold = DomainEvent<'SerialNumberSold', SellSerialNumber['data']>;
export type SerialNumberEvent = SerialNumberRegistered | SerialNumberAllocated | SerialNumberSold;

interface RegisteredSerial {
  readonly serial: string;
  readonly modelId: string;
  readonly batchId: string | null;
  readonly registeredAt: string;
}
export type SerialNumberState =
  | { readonly status: 'none' }
  | ({ readonly status: 'available' } & RegisteredSerial)
  | ({ readonly status: 'allocated'; readonly allocatedTo: string; readonly allocatedAt: string } & RegisteredSerial)
  | ({
      readonly status: 'sold';
      readonly allocatedTo: string | null;
      readonly allocatedAt: string | null;
      readonly soldAt: string;
      readonly soldTo: string | null;
    } & RegisteredSerial);

export type SerialNumberStatus = SerialNumberState['status'];

const registered = ({ serial, modelId, batchId, registeredAt }: RegisteredSerial): RegisteredSerial => ({
  serial,
  modelId,
  batchId,
  registeredAt,
});

const decide = (command: SerialNumberCommand, state: SerialNumberState): readonly SerialNumberEvent[] => {
  const { serial } = command.data;
  switch (command.type) {
    case 'RegisterSerialNumber':
      if (!isWellFormedSerial(serial)) {
        throw invalid('serial.malformed', `${serial} is not a well-formed serial number`, { serial });
      }
      if (state.status !== 'none') {
        throw conflict('serial.already_exists', `Serial ${serial} is already registered`, { serial });
      }
      return [{ type: 'SerialNumberRegistered', data: registered(command.data) }];
    case 'AllocateSerialNumber': {
      if (state.status === 'none') throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
      if (state.status !== 'available') {
        throw conflict('serial.not_available', `Serial ${serial} is ${state.status}`, { serial, status: state.status });
      }
      const { wholesalerId, allocatedAt } = command.data;
      return [{ type: 'SerialNumberAllocated', data: { serial, wholesalerId, allocatedAt } }];
    }
    case 'SellSerialNumber': {
      if (state.status === 'none') throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
      if (state.status === 'sold') {
        throw conflict('serial.already_sold', `Serial ${serial} is already sold`, { serial });
      }
      const { soldAt, soldTo } = command.data;
      return [{ type: 'SerialNumberSold', data: { serial, soldAt, soldTo } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: SerialNumberState, event: SerialNumberEvent): SerialNumberState => {
  switch (event.type) {
    case 'SerialNumberRegistered':
      return { status: 'available', ...registered(event.data) };
    case 'SerialNumberAllocated':
      if (state.status !== 'available') return state;
      return {
        status: 'allocated',
        ...registered(state),
        allocatedTo: event.data.wholesalerId,
        allocatedAt: event.data.allocatedAt,
      };
    case 'SerialNumberSold':
      if (state.status !== 'available' && state.status !== 'allocated') return state;
      return {
        status: 'sold',
        ...registered(state),
        allocatedTo: state.status === 'allocated' ? state.allocatedTo : null,
        allocatedAt: state.status === 'allocated' ? state.allocatedAt : null,
        soldAt: event.data.soldAt,
        soldTo: event.data.soldTo,
      };
    default:
      return assertNever(event);
  }
};

export const SerialNumberDecider: Decider<SerialNumberCommand, SerialNumberEvent, SerialNumberState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
