import { composeSerial } from '../../../../src/domain/inventory/serial-code';
import {
  SerialNumberDecider,
  serialNumberStreamId,
  type AllocateSerialNumber,
  type RegisterSerialNumber,
  type ReleaseSerialNumber,
  type ReplaceSerialNumber,
  type ReturnSerialNumber,
  type SellSerialNumber,
  type SerialNumberEvent,
} from '../../../../src/domain/inventory/serial-number.decider';
import { given } from '../decider-spec';

const serial = composeSerial('LV24A', '000123');
const replacementSerial = composeSerial('LV24A', '000999');
const registration = {
  serial,
  modelId: 'm-1',
  batchId: 'b-1',
  source: 'generated',
  registeredAt: '2024-05-01T10:00:00.000Z',
} as const;
const register = (overrides: Partial<RegisterSerialNumber['data']> = {}): RegisterSerialNumber => ({
  type: 'RegisterSerialNumber',
  data: { ...registration, ...overrides },
});
const registered: SerialNumberEvent = { type: 'SerialNumberRegistered', data: registration };
const allocate = (wholesalerId = 'w-1', allocationId: string | null = 'a-1'): AllocateSerialNumber => ({
  type: 'AllocateSerialNumber',
  data: { serial, wholesalerId, allocationId, allocatedAt: '2024-05-02T10:00:00.000Z' },
});
const allocated: SerialNumberEvent = { type: 'SerialNumberAllocated', data: allocate().data };
const release = (reason = 'Handed back'): ReleaseSerialNumber => ({
  type: 'ReleaseSerialNumber',
  data: { serial, reason, releasedAt: '2024-05-02T12:00:00.000Z' },
});
const released: SerialNumberEvent = {
  type: 'SerialNumberReleased',
  data: { ...release().data, wholesalerId: 'w-1', allocationId: 'a-1' },
};
const sell = (soldTo: string | null = 'c-1'): SellSerialNumber => ({
  type: 'SellSerialNumber',
  data: { serial, soldAt: '2024-05-03T10:00:00.000Z', soldTo },
});
const sold = (soldTo: string | null = 'c-1'): SerialNumberEvent => ({ type: 'SerialNumberSold', data: sell(soldTo).data });
const returnIt = (reason = 'Wrong size'): ReturnSerialNumber => ({
  type: 'ReturnSerialNumber',
  data: { serial, reason, returnedAt: '2024-05-04T10:00:00.000Z' },
});
const replace = (overrides: Partial<ReplaceSerialNumber['data']> = {}): ReplaceSerialNumber => ({
  type: 'ReplaceSerialNumber',
  data: { serial, replacementSerial, claimId: 'claim-1', replacedAt: '2024-06-01T10:00:00.000Z', ...overrides },
});
const replaced: SerialNumberEvent = { type: 'SerialNumberReplaced', data: replace().data };

const allocation = { allocatedTo: 'w-1', allocatedAt: '2024-05-02T10:00:00.000Z', allocationId: 'a-1' };
const soldFacts = { soldAt: '2024-05-03T10:00:00.000Z', soldTo: 'c-1' };
const noAllocation = { allocatedTo: null, allocatedAt: null, allocationId: null };

describe('serial number', () => {
  it('names its stream serial-<serial>', () => {
    expect(serialNumberStreamId('LV24A000123K')).toBe('serial-LV24A000123K');
  });

  describe('RegisterSerialNumber', () => {
    it('registers a well-formed serial', () => {
      given(SerialNumberDecider).when(register()).then([registered]);
    });

    it('records a serial without a source as generated', () => {
      const { source: _source, ...withoutSource } = registration;
      given(SerialNumberDecider)
        .when({ type: 'RegisterSerialNumber', data: withoutSource })
        .then([registered]);
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
        .thenThrows('serial.malformed', { kind: 'invalid', details: { serial: malformed, source: 'generated' } });
    });

    it.each(['ABCD', 'LEGACY0001', 'X'.repeat(32), serial.slice(0, -1) + (serial.endsWith('0') ? '1' : '0')])(
      'registers the imported serial %s without a check character',
      (legacy) => {
        given(SerialNumberDecider)
          .when(register({ serial: legacy, source: 'imported' }))
          .then([{ type: 'SerialNumberRegistered', data: { ...registration, serial: legacy, source: 'imported' } }]);
      },
    );

    it.each(['ABC', 'X'.repeat(33), 'legacy0001', 'LEG-0001', 'LEG 0001', ''])(
      'refuses the imported serial %p outside [0-9A-Z]{4,32}',
      (legacy) => {
        given(SerialNumberDecider)
          .when(register({ serial: legacy, source: 'imported' }))
          .thenThrows('serial.malformed', { kind: 'invalid', details: { serial: legacy, source: 'imported' } });
      },
    );

    it('refuses a serial registered before, whatever its status', () => {
      for (const history of [[registered], [registered, allocated], [registered, sold()], [registered, sold(), replaced]]) {
        given(SerialNumberDecider, history)
          .when(register())
          .thenThrows('serial.already_exists', { kind: 'conflict', details: { serial } });
      }
    });
  });

  describe('AllocateSerialNumber', () => {
    it('allocates an available serial to a wholesaler under an allocation record', () => {
      given(SerialNumberDecider, [registered]).when(allocate()).then([allocated]);
    });

    it('records a missing allocation id as null', () => {
      const { allocationId: _allocationId, ...legacy } = allocate().data;
      given(SerialNumberDecider, [registered])
        .when({ type: 'AllocateSerialNumber', data: legacy })
        .then([{ type: 'SerialNumberAllocated', data: { ...legacy, allocationId: null } }]);
    });

    it('allocates a released serial again', () => {
      given(SerialNumberDecider, [registered, allocated, released])
        .when(allocate('w-2', 'a-2'))
        .then([{ type: 'SerialNumberAllocated', data: allocate('w-2', 'a-2').data }]);
    });

    it('refuses an allocated, sold or replaced serial', () => {
      for (const [history, status] of [
        [[registered, allocated], 'allocated'],
        [[registered, sold()], 'sold'],
        [[registered, sold(), replaced], 'replaced'],
      ] as const) {
        given(SerialNumberDecider, history)
          .when(allocate('w-2'))
          .thenThrows('serial.not_available', { kind: 'conflict', details: { serial, status } });
      }
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(allocate()).thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });
  });

  describe('ReleaseSerialNumber', () => {
    it("releases an allocated serial, naming the wholesaler and allocation it leaves", () => {
      given(SerialNumberDecider, [registered, allocated]).when(release()).then([released]);
    });

    it('releases a serial allocated before allocation records with a null allocation id', () => {
      const legacyAllocated: SerialNumberEvent = {
        type: 'SerialNumberAllocated',
        data: { serial, wholesalerId: 'w-1', allocatedAt: '2024-05-02T10:00:00.000Z' },
      };
      given(SerialNumberDecider, [registered, legacyAllocated])
        .when(release())
        .then([{ type: 'SerialNumberReleased', data: { ...release().data, wholesalerId: 'w-1', allocationId: null } }]);
    });

    it('refuses a serial that is not allocated', () => {
      for (const [history, status] of [
        [[registered], 'available'],
        [[registered, allocated, released], 'available'],
        [[registered, allocated, sold()], 'sold'],
        [[registered, sold(), replaced], 'replaced'],
      ] as const) {
        given(SerialNumberDecider, history)
          .when(release())
          .thenThrows('serial.not_allocated', { kind: 'conflict', details: { serial, status } });
      }
    });

    it.each(['', '   ', 'x'.repeat(501)])('refuses the reason %#', (reason) => {
      given(SerialNumberDecider, [registered, allocated]).when(release(reason)).thenThrows('serial.invalid_reason', { kind: 'invalid' });
    });

    it('accepts a 500-character reason', () => {
      const reason = 'x'.repeat(500);
      given(SerialNumberDecider, [registered, allocated])
        .when(release(reason))
        .then([{ ...released, data: { ...released.data, reason } } as SerialNumberEvent]);
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(release()).thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });
  });

  describe('SellSerialNumber', () => {
    it('sells an available serial', () => {
      given(SerialNumberDecider, [registered]).when(sell()).then([sold()]);
    });

    it('sells an allocated serial, to an unnamed buyer too', () => {
      given(SerialNumberDecider, [registered, allocated]).when(sell(null)).then([sold(null)]);
    });

    it('sells a returned serial again', () => {
      const returned: SerialNumberEvent = {
        type: 'SerialNumberReturned',
        data: { ...returnIt().data, backTo: 'available', wholesalerId: null, soldTo: 'c-1' },
      };
      given(SerialNumberDecider, [registered, sold(), returned]).when(sell('c-2')).then([sold('c-2')]);
    });

    it('refuses a sold serial', () => {
      given(SerialNumberDecider, [registered, sold()])
        .when(sell('c-2'))
        .thenThrows('serial.already_sold', { kind: 'conflict', details: { serial } });
    });

    it('refuses a replaced serial', () => {
      given(SerialNumberDecider, [registered, sold(), replaced])
        .when(sell('c-2'))
        .thenThrows('serial.replaced', { kind: 'conflict', details: { serial, status: 'replaced' } });
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(sell()).thenThrows('serial.not_found', { kind: 'not_found' });
    });
  });

  describe('ReturnSerialNumber', () => {
    it("returns a serial sold from a wholesaler's stock to that wholesaler", () => {
      given(SerialNumberDecider, [registered, allocated, sold()])
        .when(returnIt())
        .then([
          { type: 'SerialNumberReturned', data: { ...returnIt().data, backTo: 'allocated', wholesalerId: 'w-1', soldTo: 'c-1' } },
        ]);
    });

    it("returns a serial sold straight from the maker to the maker's available stock", () => {
      given(SerialNumberDecider, [registered, sold(null)])
        .when(returnIt())
        .then([{ type: 'SerialNumberReturned', data: { ...returnIt().data, backTo: 'available', wholesalerId: null, soldTo: null } }]);
    });

    it('refuses a serial that is not sold', () => {
      for (const [history, status] of [
        [[registered], 'available'],
        [[registered, allocated], 'allocated'],
        [[registered, sold(), replaced], 'replaced'],
      ] as const) {
        given(SerialNumberDecider, history)
          .when(returnIt())
          .thenThrows('serial.not_sold', { kind: 'conflict', details: { serial, status } });
      }
    });

    it.each(['', ' \t ', 'x'.repeat(501)])('refuses the reason %#', (reason) => {
      given(SerialNumberDecider, [registered, sold()]).when(returnIt(reason)).thenThrows('serial.invalid_reason', { kind: 'invalid' });
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(returnIt()).thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });
  });

  describe('ReplaceSerialNumber', () => {
    it('replaces a sold serial under a claim', () => {
      given(SerialNumberDecider, [registered, allocated, sold()]).when(replace()).then([replaced]);
    });

    it('records nothing when the same claim replaces it with the same serial again', () => {
      given(SerialNumberDecider, [registered, sold(), replaced]).when(replace({ replacedAt: '2024-06-02T00:00:00.000Z' })).then([]);
    });

    it('refuses another claim or another replacement once replaced', () => {
      for (const other of [{ claimId: 'claim-2' }, { replacementSerial: composeSerial('LV24A', '000777') }]) {
        given(SerialNumberDecider, [registered, sold(), replaced])
          .when(replace(other))
          .thenThrows('serial.not_sold', { kind: 'conflict', details: { serial, status: 'replaced' } });
      }
    });

    it('refuses a serial that is not sold', () => {
      for (const [history, status] of [
        [[registered], 'available'],
        [[registered, allocated], 'allocated'],
      ] as const) {
        given(SerialNumberDecider, history)
          .when(replace())
          .thenThrows('serial.not_sold', { kind: 'conflict', details: { serial, status } });
      }
    });

    it('refuses a serial replacing itself', () => {
      given(SerialNumberDecider, [registered, sold()])
        .when(replace({ replacementSerial: serial }))
        .thenThrows('serial.replacement_is_same', { kind: 'invalid', details: { serial } });
    });

    it('refuses a missing serial', () => {
      given(SerialNumberDecider).when(replace()).thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });
  });

  describe('evolve', () => {
    it('starts empty', () => {
      given(SerialNumberDecider).thenState({ status: 'none' });
    });

    it('is available after SerialNumberRegistered', () => {
      given(SerialNumberDecider, [registered]).thenState({ status: 'available', ...registration });
    });

    it('reads a registration stored before imports existed as generated', () => {
      const { source: _source, ...legacy } = registration;
      given(SerialNumberDecider, [{ type: 'SerialNumberRegistered', data: legacy }]).thenState({
        status: 'available',
        ...registration,
      });
    });

    it('keeps the imported source', () => {
      const imported: SerialNumberEvent = { type: 'SerialNumberRegistered', data: { ...registration, serial: 'OLD1', source: 'imported' } };
      given(SerialNumberDecider, [imported]).thenState({ status: 'available', ...registration, serial: 'OLD1', source: 'imported' });
    });

    it('is allocated after SerialNumberAllocated', () => {
      given(SerialNumberDecider, [registered, allocated]).thenState({ status: 'allocated', ...registration, ...allocation });
    });

    it('reads an allocation stored before allocation records with a null allocation id', () => {
      const legacyAllocated: SerialNumberEvent = {
        type: 'SerialNumberAllocated',
        data: { serial, wholesalerId: 'w-1', allocatedAt: '2024-05-02T10:00:00.000Z' },
      };
      given(SerialNumberDecider, [registered, legacyAllocated]).thenState({
        status: 'allocated',
        ...registration,
        ...allocation,
        allocationId: null,
      });
    });

    it('is available again after SerialNumberReleased', () => {
      given(SerialNumberDecider, [registered, allocated, released]).thenState({ status: 'available', ...registration });
    });

    it('is sold after SerialNumberSold, keeping the allocation', () => {
      given(SerialNumberDecider, [registered, allocated, sold()]).thenState({
        status: 'sold',
        ...registration,
        ...allocation,
        ...soldFacts,
      });
    });

    it('is sold without an allocation when sold directly', () => {
      given(SerialNumberDecider, [registered, sold(null)]).thenState({
        status: 'sold',
        ...registration,
        ...noAllocation,
        ...soldFacts,
        soldTo: null,
      });
    });

    it('goes back to the same allocation after SerialNumberReturned', () => {
      const returned: SerialNumberEvent = {
        type: 'SerialNumberReturned',
        data: { ...returnIt().data, backTo: 'allocated', wholesalerId: 'w-1', soldTo: 'c-1' },
      };
      given(SerialNumberDecider, [registered, allocated, sold(), returned]).thenState({
        status: 'allocated',
        ...registration,
        ...allocation,
      });
    });

    it('goes back to available after SerialNumberReturned when sold straight from the maker', () => {
      const returned: SerialNumberEvent = {
        type: 'SerialNumberReturned',
        data: { ...returnIt().data, backTo: 'available', wholesalerId: null, soldTo: 'c-1' },
      };
      given(SerialNumberDecider, [registered, sold(), returned]).thenState({ status: 'available', ...registration });
    });

    it('is replaced after SerialNumberReplaced, dropping the sale', () => {
      given(SerialNumberDecider, [registered, allocated, sold(), replaced]).thenState({
        status: 'replaced',
        ...registration,
        replacementSerial,
        claimId: 'claim-1',
        replacedAt: '2024-06-01T10:00:00.000Z',
      });
    });

    it('ignores events of a serial it never saw registered', () => {
      given(SerialNumberDecider, [allocated, sold(), released, replaced]).thenState({ status: 'none' });
    });

    it('ignores events that do not follow from the current status', () => {
      given(SerialNumberDecider, [registered, sold(), allocated]).thenState({
        status: 'sold',
        ...registration,
        ...noAllocation,
        ...soldFacts,
      });
      given(SerialNumberDecider, [registered, sold(), replaced, sold('c-2')]).thenState({
        status: 'replaced',
        ...registration,
        replacementSerial,
        claimId: 'claim-1',
        replacedAt: '2024-06-01T10:00:00.000Z',
      });
    });
  });
});
