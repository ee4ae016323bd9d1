import { composeSerial } from '../../../../src/domain/inventory/serial-code';
import {
  SerialNumberDecider,
  serialNumberStreamId,
  type AllocateSerialNumber,
  type RegisterSerialNumber,
  type SellSerialNumber,
  type SerialNumberEvent,
} from '../../../../src/domain/inventory/serial-number.decider';
import { given } from '../decider-spec';

const serial = composeSerial('LV24A', '000123');
const registration = { serial, modelId: 'm-1', batchId: 'b-1', registeredAt: '2024-05-01T10:00:00.000Z' };
const register = (overrides: Partial<RegisterSerialNumber['data']> = {}): RegisterSerialNumber => ({
  type: 'RegisterSerialNumber',
  data: { ...registration, ...overrides },
});
const registered: SerialNumberEvent = { type: 'SerialNumberRegistered', data: registration };
const allocate = (wholesalerId = 'w-1'): AllocateSerialNumber => ({
  type: 'AllocateSerialNumber',
  data: { serial, wholesalerId, allocatedAt: '2024-05-02T10:00:00.000Z' },
});
const allocated: SerialNumberEvent = { type: 'SerialNumberAllocated', data: allocate().data };
const sell = (soldTo: string | null = 'c-1'): SellSerialNumber => ({
  type: 'SellSerialNumber',
  data: { serial, soldAt: '2024-05-03T10:00:00.000Z', soldTo },
});
const sold = (soldTo: string | null = 'c-1'): SerialNumberEvent => ({ type: 'SerialNumberSold', data: sell(soldTo).data });

describe('serial number', () => {
  it('names its stream serial-<serial>', () => {
    expect(serialNumberStreamId('LV24A000123K')).toBe('serial-LV24A000123K');
  });

  describe('RegisterSerialNumber', () => {
    it('registers a well-formed serial', () => {
      given(SerialNumberDecider).when(register()).then([registered]);
    });

    it('registers a serial outside any batch', () => {
      given(SerialNumberDecider)
        .when(register({ batchId: null }))
        .then([{ type: 'SerialNumberRegistered', data: { ...registration, batchId: null } }]);
    });

    it.each([
      serial.slice(0, -1) + (serial.endsWith('0') ? '1' : '0'),
      serial.toLowerCase(),
      'LV24A',
      `${serial.slice(0, 5)}-${serial.slice(5)}`,
    ])('refuses the malformed serial %s', (malformed) => {
      given(SerialNumberDecider)
        .when(register({ serial: malformed }))
        .thenThrows('serial.malformed', { kind: 'invalid', details: { serial: malformed } });
    });

    it('refuses a serial registered before, whatever its status', () => {
      for (const history of [[registered], [registered, allocated], [registered, sold()]]) {
        given(SerialNumberDecider, history)
          .when(register())
          .thenThrows('serial.already_exists', { kind: 'conflict', details: { serial } });
      }
    });
  });

  describe('AllocateSerialNumber', () => {
    it('allocates an available serial to a wholesaler', () => {
      given(SerialNumberDecider, [registered]).when(allocate()).then([allocated]);
    });

    it('refuses an allocated or sold serial', () => {
      given(SerialNumberDecider, [registered, allocated])
        .when(allocate('w-2'))
        .thenThrows('serial.not_available', { kind: 'conflict', details: { serial, status: 'allocated' } });
      given(SerialNumberDecider, [registered, sold()])
        .when(allocate())
        .thenThrows('serial.not_available', { kind: 'conflict', details: { serial, status: 'sold' } });
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(allocate()).thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });
  });

  describe('SellSerialNumber', () => {
    it('sells an available serial', () => {
      given(SerialNumberDecider, [registered]).when(sell()).then([sold()]);
    });

    it('sells an allocated serial, to an unnamed buyer too', () => {
      given(SerialNumberDecider, [registered, allocated]).when(sell(null)).then([sold(null)]);
    });

    it('refuses a sold serial', () => {
      given(SerialNumberDecider, [registered, sold()])
        .when(sell('c-2'))
        .thenThrows('serial.already_sold', { kind: 'conflict', details: { serial } });
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(sell()).thenThrows('serial.not_found', { kind: 'not_found' });
    });
  });

  describe('evolve', () => {
    it('starts empty', () => {
      given(SerialNumberDecider).thenState({ status: 'none' });
    });

    it('is available after SerialNumberRegistered', () => {
      given(SerialNumberDecider, [registered]).thenState({ status: 'available', ...registration });
    });

    it('is allocated after SerialNumberAllocated', () => {
      given(SerialNumberDecider, [registered, allocated]).thenState({
        status: 'allocated',
        ...registration,
        allocatedTo: 'w-1',
        allocatedAt: '2024-05-02T10:00:00.000Z',
      });
    });

    it('is sold after SerialNumberSold, keeping the allocation', () => {
      given(SerialNumberDecider, [registered, allocated, sold()]).thenState({
        status: 'sold',
        ...registration,
        allocatedTo: 'w-1',
        allocatedAt: '2024-05-02T10:00:00.000Z',
        soldAt: '2024-05-03T10:00:00.000Z',
        soldTo: 'c-1',
      });
    });

    it('is sold without an allocation when sold directly', () => {
      given(SerialNumberDecider, [registered, sold(null)]).thenState({
        status: 'sold',
        ...registration,
        allocatedTo: null,
        allocatedAt: null,
        soldAt: '2024-05-03T10:00:00.000Z',
        soldTo: null,
      });
    });

    it('ignores events that do not follow from the current status', () => {
      given(SerialNumberDecider, [allocated, sold()]).thenState({ status: 'none' });
      given(SerialNumberDecider, [registered, sold(), allocated]).thenState({
        status: 'sold',
        ...registration,
        allocatedTo: null,
        allocatedAt: null,
        soldAt: '2024-05-03T10:00:00.000Z',
        soldTo: 'c-1',
      });
    });
  });
});
