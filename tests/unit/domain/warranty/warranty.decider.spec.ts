import {
  coverageStatus,
  WarrantyDecider,
  warrantyStreamId,
  type ActivateWarranty,
  type ExpireWarranty,
  type RemindWarrantyExpiry,
  type TransferWarrantyIn,
  type TransferWarrantyOut,
  type VoidWarranty,
  type WarrantyConsumer,
  type WarrantyEvent,
} from '../../../../src/domain/warranty/warranty.decider';
import { given } from '../decider-spec';

const serial = 'LV24A000123K';
const newSerial = 'LV24A000999M';
const consumer: WarrantyConsumer = { name: 'Ann Njeri', phone: '+254 700 000 001', email: 'ann@example.com' };
const activate = (overrides: Partial<ActivateWarranty['data']> = {}): ActivateWarranty => ({
  type: 'ActivateWarranty',
  data: {
    warrantyId: 'w-1',
    warrantyNumber: 'WR-7K3M-9QXT',
    serial,
    serialStatus: 'sold',
    modelId: 'm-1',
    warrantyMonths: 24,
    consumer,
    channel: 'consumer',
    activatedAt: '2024-01-31T09:30:00.000Z',
    activatedBy: 'u-1',
    ...overrides,
  },
});
const activated = (overrides: Partial<Extract<WarrantyEvent, { type: 'WarrantyActivated' }>['data']> = {}): WarrantyEvent => ({
  type: 'WarrantyActivated',
  data: {
    warrantyId: 'w-1',
    warrantyNumber: 'WR-7K3M-9QXT',
    serial,
    modelId: 'm-1',
    consumer,
    startsOn: '2024-01-31',
    endsOn: '2026-01-31',
    channel: 'consumer',
    activatedAt: '2024-01-31T09:30:00.000Z',
    activatedBy: 'u-1',
    ...overrides,
  },
});
const voidIt = (overrides: Partial<VoidWarranty['data']> = {}): VoidWarranty => ({
  type: 'VoidWarranty',
  data: { serial, warrantyId: 'w-1', reason: 'Tampered casing', voidedAt: '2024-03-01T00:00:00.000Z', voidedBy: 'admin-1', ...overrides },
});
const voided = (warrantyId = 'w-1'): WarrantyEvent => ({
  type: 'WarrantyVoided',
  data: { warrantyId, serial, reason: 'Tampered casing', voidedAt: '2024-03-01T00:00:00.000Z', voidedBy: 'admin-1' },
});
const remind = (today: string, withinDays = 30, warrantyId = 'w-1'): RemindWarrantyExpiry => ({
  type: 'RemindWarrantyExpiry',
  data: { serial, warrantyId, today, withinDays, remindedAt: `${today}T06:00:00.000Z` },
});
const reminded = (today: string, warrantyId = 'w-1'): WarrantyEvent => ({
  type: 'WarrantyExpiryReminded',
  data: { serial, warrantyId, endsOn: '2026-01-31', remindedAt: `${today}T06:00:00.000Z` },
});
const expire = (today: string, warrantyId = 'w-1'): ExpireWarranty => ({
  type: 'ExpireWarranty',
  data: { serial, warrantyId, today, expiredAt: `${today}T00:05:00.000Z` },
});
const expired = (today = '2026-02-01', warrantyId = 'w-1'): WarrantyEvent => ({
  type: 'WarrantyExpired',
  data: { serial, warrantyId, endsOn: '2026-01-31', expiredAt: `${today}T00:05:00.000Z` },
});
const transferOut = (overrides: Partial<TransferWarrantyOut['data']> = {}): TransferWarrantyOut => ({
  type: 'TransferWarrantyOut',
  data: { serial, warrantyId: 'w-1', toSerial: newSerial, claimId: 'claim-1', transferredAt: '2025-03-01T10:00:00.000Z', ...overrides },
});
const transferredOut = (overrides: Partial<TransferWarrantyOut['data']> = {}): WarrantyEvent => ({
  type: 'WarrantyTransferredOut',
  data: transferOut(overrides).data,
});
const terms = {
  warrantyId: 'w-1',
  warrantyNumber: 'WR-7K3M-9QXT',
  modelId: 'm-1',
  consumer,
  startsOn: '2024-01-31',
  endsOn: '2026-01-31',
};
const transferIn = (overrides: Partial<TransferWarrantyIn['data']> = {}): TransferWarrantyIn => ({
  type: 'TransferWarrantyIn',
  data: { ...terms, serial: newSerial, fromSerial: serial, claimId: 'claim-1', transferredAt: '2025-03-01T10:00:00.000Z', ...overrides },
});
const transferredIn = (overrides: Partial<TransferWarrantyIn['data']> = {}): WarrantyEvent => ({
  type: 'WarrantyTransferredIn',
  data: transferIn(overrides).data,
});

describe('warranty', () => {
  it('names its stream warranty-<serial>', () => {
    expect(warrantyStreamId(serial)).toBe('warranty-LV24A000123K');
  });

  describe('ActivateWarranty', () => {
    it('activates a sold serial from the UTC date of activation for the model warranty months', () => {
      given(WarrantyDecider).when(activate()).then([activated()]);
    });

    it('activates an available serial, clamping the end date to the month end', () => {
      given(WarrantyDecider)
        .when(activate({ serialStatus: 'available', warrantyMonths: 1, activatedAt: '2024-01-31T23:30:00-02:00' }))
        .then([activated({ startsOn: '2024-02-01', endsOn: '2024-03-01', activatedAt: '2024-01-31T23:30:00-02:00' })]);
      given(WarrantyDecider)
        .when(activate({ warrantyMonths: 1 }))
        .then([activated({ endsOn: '2024-02-29' })]);
    });

    it.each(['consumer', 'wholesaler', 'staff'] as const)('records the %s channel', (channel) => {
      given(WarrantyDecider).when(activate({ channel })).then([activated({ channel })]);
    });

    it('needs only one of phone and email, and stores a blank one as null', () => {
      const phoneOnly = { name: 'Ann', phone: '0700000001', email: null };
      given(WarrantyDecider).when(activate({ consumer: phoneOnly })).then([activated({ consumer: phoneOnly })]);
      given(WarrantyDecider)
        .when(activate({ consumer: { name: 'Ann', phone: '  ', email: 'ann@example.com' } }))
        .then([activated({ consumer: { name: 'Ann', phone: null, email: 'ann@example.com' } })]);
    });

    it('activates again after a void, with a new warranty id and number', () => {
      given(WarrantyDecider, [activated(), voided()])
        .when(activate({ warrantyId: 'w-2', warrantyNumber: 'WR-2222-ZZZZ', activatedAt: '2024-04-01T08:00:00.000Z' }))
        .then([
          activated({
            warrantyId: 'w-2',
            warrantyNumber: 'WR-2222-ZZZZ',
            activatedAt: '2024-04-01T08:00:00.000Z',
            startsOn: '2024-04-01',
            endsOn: '2026-04-01',
          }),
        ]);
    });

    it('refuses an unknown serial', () => {
      given(WarrantyDecider)
        .when(activate({ serialStatus: 'unknown' }))
        .thenThrows('serial.not_found', { kind: 'not_found', details: { serial } });
    });

    it("refuses a serial still in a wholesaler's stock", () => {
      given(WarrantyDecider)
        .when(activate({ serialStatus: 'allocated' }))
        .thenThrows('warranty.serial_not_eligible', { kind: 'conflict', details: { serial } });
    });

    it('refuses a serial replaced under a claim', () => {
      given(WarrantyDecider)
        .when(activate({ serialStatus: 'replaced' }))
        .thenThrows('warranty.serial_not_eligible', { kind: 'conflict', details: { serial } });
      given(WarrantyDecider, [activated(), transferredOut()])
        .when(activate({ warrantyId: 'w-2', serialStatus: 'replaced' }))
        .thenThrows('warranty.serial_not_eligible', { kind: 'conflict', details: { serial } });
    });

    it('refuses a serial with an active warranty, naming it', () => {
      given(WarrantyDecider, [activated()])
        .when(activate({ warrantyId: 'w-2' }))
        .thenThrows('warranty.already_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
    });

    it('refuses a serial whose warranty expired: a battery is warranted once', () => {
      given(WarrantyDecider, [activated(), expired()])
        .when(activate({ warrantyId: 'w-2', activatedAt: '2026-03-01T08:00:00.000Z' }))
        .thenThrows('warranty.expired', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
    });

    it.each<[string, Partial<ActivateWarranty['data']>]>([
      ['warranty.consumer_contact_required', { consumer: { name: 'Ann', phone: null, email: null } }],
      ['warranty.consumer_contact_required', { consumer: { name: 'Ann', phone: '', email: ' ' } }],
      ['warranty.invalid_consumer_name', { consumer: { ...consumer, name: '' } }],
      ['warranty.invalid_consumer_name', { consumer: { ...consumer, name: 'x'.repeat(121) } }],
      ['warranty.invalid_consumer_phone', { consumer: { ...consumer, phone: 'call me' } }],
      ['warranty.invalid_consumer_phone', { consumer: { ...consumer, phone: '12345' } }],
      ['warranty.invalid_consumer_email', { consumer: { ...consumer, email: 'ann@' } }],
      ['warranty.invalid_consumer_email', { consumer: { ...consumer, email: 'ann example.com' } }],
      ['warranty.invalid_months', { warrantyMonths: 0 }],
      ['warranty.invalid_months', { warrantyMonths: 241 }],
      ['warranty.invalid_months', { warrantyMonths: 1.5 }],
      ['warranty.invalid_activated_at', { activatedAt: '2024-01-31' }],
      ['warranty.invalid_activated_at', { activatedAt: '2024-01-31T10:00:00' }],
      ['warranty.invalid_number', { warrantyNumber: '' }],
      ['warranty.invalid_number', { warrantyNumber: 'wr-7k3m-9qxt' }],
      ['warranty.invalid_number', { warrantyNumber: 'WR-7K3M9QXT' }],
      ['warranty.invalid_number', { warrantyNumber: 'WR-7K3M-9QX0' }],
      ['warranty.invalid_number', { warrantyNumber: 'WR-7K3M-9QXTA' }],
    ])('refuses with %s: %p', (code, overrides) => {
      given(WarrantyDecider).when(activate(overrides)).thenThrows(code, { kind: 'invalid' });
    });

    it('accepts a 120-character name and 240 months', () => {
      const longName = { ...consumer, name: 'x'.repeat(120) };
      given(WarrantyDecider)
        .when(activate({ consumer: longName, warrantyMonths: 240 }))
        .then([activated({ consumer: longName, endsOn: '2044-01-31' })]);
    });
  });

  describe('VoidWarranty', () => {
    it('voids the active warranty', () => {
      given(WarrantyDecider, [activated()]).when(voidIt()).then([voided()]);
    });

    it('refuses a serial without a warranty', () => {
      given(WarrantyDecider).when(voidIt()).thenThrows('warranty.not_found', { kind: 'not_found' });
    });

    it('refuses a void, expired or transferred warranty, or another warranty id', () => {
      for (const history of [[activated(), voided()], [activated(), expired()], [activated(), transferredOut()]]) {
        given(WarrantyDecider, history)
          .when(voidIt())
          .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
      }
      given(WarrantyDecider, [activated()])
        .when(voidIt({ warrantyId: 'w-9' }))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-9' } });
      given(WarrantyDecider, [activated(), voided(), activated({ warrantyId: 'w-2' })])
        .when(voidIt({ warrantyId: 'w-1' }))
        .thenThrows('warranty.not_active', { kind: 'conflict' });
    });

    it.each(['', '   ', 'x'.repeat(501)])('refuses the reason %#', (reason) => {
      given(WarrantyDecider, [activated()]).when(voidIt({ reason })).thenThrows('warranty.invalid_void_reason', { kind: 'invalid' });
    });
  });

  describe('RemindWarrantyExpiry', () => {
    it('reminds once the end date is within the given days, naming the end date', () => {
      given(WarrantyDecider, [activated()]).when(remind('2026-01-01')).then([reminded('2026-01-01')]);
    });

    it('reminds up to the end date itself', () => {
      given(WarrantyDecider, [activated()]).when(remind('2026-01-31')).then([reminded('2026-01-31')]);
      given(WarrantyDecider, [activated()]).when(remind('2026-01-31', 0)).then([reminded('2026-01-31')]);
    });

    it('records nothing while the end date is further away than the given days', () => {
      given(WarrantyDecider, [activated()]).when(remind('2025-12-31')).then([]);
      given(WarrantyDecider, [activated()]).when(remind('2026-01-30', 0)).then([]);
    });

    it('records nothing once the end date has passed', () => {
      given(WarrantyDecider, [activated()]).when(remind('2026-02-01')).then([]);
    });

    it('reminds a warranty once', () => {
      given(WarrantyDecider, [activated(), reminded('2026-01-01')]).when(remind('2026-01-15')).then([]);
    });

    it('refuses a serial without a warranty, or a warranty that is not active', () => {
      given(WarrantyDecider).when(remind('2026-01-01')).thenThrows('warranty.not_found', { kind: 'not_found' });
      given(WarrantyDecider, [activated(), voided()])
        .when(remind('2026-01-01'))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
      given(WarrantyDecider, [activated()])
        .when(remind('2026-01-01', 30, 'w-9'))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-9' } });
    });
  });

  describe('ExpireWarranty', () => {
    it('expires the day after the end date', () => {
      given(WarrantyDecider, [activated()]).when(expire('2026-02-01')).then([expired('2026-02-01')]);
    });

    it('expires a warranty the sweep reaches late, and after a reminder', () => {
      given(WarrantyDecider, [activated(), reminded('2026-01-01')]).when(expire('2026-05-20')).then([expired('2026-05-20')]);
    });

    it('records nothing up to and on the end date', () => {
      given(WarrantyDecider, [activated()]).when(expire('2025-06-01')).then([]);
      given(WarrantyDecider, [activated()]).when(expire('2026-01-31')).then([]);
    });

    it('records nothing for a warranty already expired', () => {
      given(WarrantyDecider, [activated(), expired()]).when(expire('2026-02-02')).then([]);
    });

    it('refuses a serial without a warranty, or a warranty that is not active', () => {
      given(WarrantyDecider).when(expire('2026-02-01')).thenThrows('warranty.not_found', { kind: 'not_found' });
      given(WarrantyDecider, [activated(), voided()])
        .when(expire('2026-02-01'))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
      given(WarrantyDecider, [activated(), expired()])
        .when(expire('2026-02-02', 'w-9'))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-9' } });
    });
  });

  describe('TransferWarrantyOut', () => {
    it('moves the active warranty out to the replacement serial under a claim', () => {
      given(WarrantyDecider, [activated()]).when(transferOut()).then([transferredOut()]);
    });

    it('records nothing when the same transfer is repeated', () => {
      given(WarrantyDecider, [activated(), transferredOut()]).when(transferOut({ transferredAt: '2025-03-02T00:00:00.000Z' })).then([]);
    });

    it('refuses a transfer to another serial once transferred', () => {
      given(WarrantyDecider, [activated(), transferredOut()])
        .when(transferOut({ toSerial: 'LV24A000777Q' }))
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
    });

    it('refuses a transfer without a claim', () => {
      given(WarrantyDecider, [activated()]).when(transferOut({ claimId: '' })).thenThrows('warranty.claim_required', { kind: 'invalid' });
    });

    it('refuses a serial without a warranty, or a warranty that is not active', () => {
      given(WarrantyDecider).when(transferOut()).thenThrows('warranty.not_found', { kind: 'not_found' });
      for (const history of [[activated(), voided()], [activated(), expired()]]) {
        given(WarrantyDecider, history)
          .when(transferOut())
          .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
      }
    });
  });

  describe('TransferWarrantyIn', () => {
    it('continues the warranty, same number and dates, on the replacement serial', () => {
      given(WarrantyDecider).when(transferIn()).then([transferredIn()]);
    });

    it('takes the warranty onto a serial whose own warranty was voided', () => {
      const onNewSerial = (warrantyId: string): WarrantyEvent[] => [
        activated({ serial: newSerial, warrantyId }),
        { type: 'WarrantyVoided', data: { ...voidIt().data, serial: newSerial, warrantyId } },
      ];
      given(WarrantyDecider, onNewSerial('w-7')).when(transferIn()).then([transferredIn()]);
    });

    it('records nothing when the same warranty is transferred in again', () => {
      given(WarrantyDecider, [transferredIn()]).when(transferIn({ transferredAt: '2025-03-02T00:00:00.000Z' })).then([]);
    });

    it('refuses a serial with another active warranty, naming it', () => {
      given(WarrantyDecider, [activated({ serial: newSerial, warrantyId: 'w-7' })])
        .when(transferIn())
        .thenThrows('warranty.already_active', { kind: 'conflict', details: { serial: newSerial, warrantyId: 'w-7' } });
    });
  });

  describe('evolve', () => {
    const issued = { ...terms, serial, activatedAt: '2024-01-31T09:30:00.000Z', reminded: false };

    it('starts empty', () => {
      given(WarrantyDecider).thenState({ status: 'none' });
    });

    it('is active and not reminded after WarrantyActivated', () => {
      given(WarrantyDecider, [activated()]).thenState({ status: 'active', ...issued });
    });

    it('reads an activation stored before channels were recorded', () => {
      const legacy = activated();
      const { channel: _channel, ...data } = (legacy as Extract<WarrantyEvent, { type: 'WarrantyActivated' }>).data;
      given(WarrantyDecider, [{ type: 'WarrantyActivated', data }]).thenState({ status: 'active', ...issued });
    });

    it('is void after WarrantyVoided', () => {
      given(WarrantyDecider, [activated(), voided()]).thenState({
        status: 'void',
        ...issued,
        voidedAt: '2024-03-01T00:00:00.000Z',
        voidReason: 'Tampered casing',
      });
    });

    it('is reminded after WarrantyExpiryReminded', () => {
      given(WarrantyDecider, [activated(), reminded('2026-01-01')]).thenState({ status: 'active', ...issued, reminded: true });
    });

    it('is expired after WarrantyExpired, keeping whether it was reminded', () => {
      given(WarrantyDecider, [activated(), reminded('2026-01-01'), expired()]).thenState({
        status: 'expired',
        ...issued,
        reminded: true,
        expiredAt: '2026-02-01T00:05:00.000Z',
      });
    });

    it('is transferred after WarrantyTransferredOut, naming the replacement and the claim', () => {
      given(WarrantyDecider, [activated(), transferredOut()]).thenState({
        status: 'transferred',
        ...issued,
        transferredTo: newSerial,
        claimId: 'claim-1',
      });
    });

    it('is active on the replacement serial after WarrantyTransferredIn, from the transfer on', () => {
      given(WarrantyDecider, [transferredIn()]).thenState({
        status: 'active',
        ...terms,
        serial: newSerial,
        activatedAt: '2025-03-01T10:00:00.000Z',
        reminded: false,
      });
    });

    it('is active with the new warranty after a reactivation', () => {
      given(WarrantyDecider, [activated(), voided(), activated({ warrantyId: 'w-2' })]).thenState({
        status: 'active',
        ...issued,
        warrantyId: 'w-2',
      });
    });

    it('ignores events of a warranty that is not the active one', () => {
      given(WarrantyDecider, [activated(), voided('w-9')]).thenState({ status: 'active', ...issued });
      given(WarrantyDecider, [activated(), reminded('2026-01-01', 'w-9'), expired('2026-02-01', 'w-9')]).thenState({
        status: 'active',
        ...issued,
      });
      given(WarrantyDecider, [voided()]).thenState({ status: 'none' });
      given(WarrantyDecider, [activated(), voided(), expired()]).thenState({
        status: 'void',
        ...issued,
        voidedAt: '2024-03-01T00:00:00.000Z',
        voidReason: 'Tampered casing',
      });
    });
  });

  describe('coverageStatus', () => {
    it('covers through the end date and expires the day after', () => {
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2024-01-31')).toBe('active');
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2026-01-31')).toBe('active');
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2026-02-01')).toBe('expired');
    });

    it('reports void, expired, transferred and none as they are', () => {
      expect(coverageStatus({ status: 'void' }, '2024-01-31')).toBe('void');
      expect(coverageStatus({ status: 'expired' }, '2024-01-31')).toBe('expired');
      expect(coverageStatus({ status: 'transferred' }, '2024-01-31')).toBe('transferred');
      expect(coverageStatus({ status: 'none' }, '2024-01-31')).toBe('none');
    });

    it('reads decider states and read-model documents alike', () => {
      const state = WarrantyDecider.evolve(WarrantyDecider.initialState, activated());
      expect(coverageStatus(state, '2030-01-01')).toBe('expired');
      const transferred = [activated(), transferredOut()].reduce(WarrantyDecider.evolve, WarrantyDecider.initialState);
      expect(coverageStatus(transferred, '2025-01-01')).toBe('transferred');
      const document: { status: 'active' | 'void'; endsOn: string } = { status: 'void', endsOn: '2026-01-31' };
      expect(coverageStatus(document, '2025-01-01')).toBe('void');
    });
  });
});
