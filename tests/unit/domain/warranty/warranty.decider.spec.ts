import {
  coverageStatus,
  WarrantyDecider,
  warrantyStreamId,
  type ActivateWarranty,
  type VoidWarranty,
  type WarrantyConsumer,
  type WarrantyEvent,
} from '../../../../src/domain/warranty/warranty.decider';
import { given } from '../decider-spec';

const serial = 'LV24A000123K';
const consumer: WarrantyConsumer = { name: 'Ann Njeri', phone: '+254 700 000 001', email: 'ann@example.com' };
const activate = (overrides: Partial<ActivateWarranty['data']> = {}): ActivateWarranty => ({
  type: 'ActivateWarranty',
  data: {
    warrantyId: 'w-1',
    serial,
    serialStatus: 'sold',
    modelId: 'm-1',
    warrantyMonths: 24,
    consumer,
    activatedAt: '2024-01-31T09:30:00.000Z',
    activatedBy: 'u-1',
    ...overrides,
  },
});
const activated = (overrides: Partial<Extract<WarrantyEvent, { type: 'WarrantyActivated' }>['data']> = {}): WarrantyEvent => ({
  type: 'WarrantyActivated',
  data: {
    warrantyId: 'w-1',
    serial,
    modelId: 'm-1',
    consumer,
    startsOn: '2024-01-31',
    endsOn: '2026-01-31',
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

    it('needs only one of phone and email, and stores a blank one as null', () => {
      const phoneOnly = { name: 'Ann', phone: '0700000001', email: null };
      given(WarrantyDecider).when(activate({ consumer: phoneOnly })).then([activated({ consumer: phoneOnly })]);
      given(WarrantyDecider)
        .when(activate({ consumer: { name: 'Ann', phone: '  ', email: 'ann@example.com' } }))
        .then([activated({ consumer: { name: 'Ann', phone: null, email: 'ann@example.com' } })]);
    });

    it('activates again after a void, with a new warranty id', () => {
      given(WarrantyDecider, [activated(), voided()])
        .when(activate({ warrantyId: 'w-2', activatedAt: '2024-04-01T08:00:00.000Z' }))
        .then([activated({ warrantyId: 'w-2', activatedAt: '2024-04-01T08:00:00.000Z', startsOn: '2024-04-01', endsOn: '2026-04-01' })]);
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

    it('refuses a serial with an active warranty, naming it', () => {
      given(WarrantyDecider, [activated()])
        .when(activate({ warrantyId: 'w-2' }))
        .thenThrows('warranty.already_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
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

    it('refuses a void warranty or another warranty id', () => {
      given(WarrantyDecider, [activated(), voided()])
        .when(voidIt())
        .thenThrows('warranty.not_active', { kind: 'conflict', details: { serial, warrantyId: 'w-1' } });
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

  describe('evolve', () => {
    const issued = {
      warrantyId: 'w-1',
      serial,
      modelId: 'm-1',
      consumer,
      startsOn: '2024-01-31',
      endsOn: '2026-01-31',
      activatedAt: '2024-01-31T09:30:00.000Z',
    };

    it('starts empty', () => {
      given(WarrantyDecider).thenState({ status: 'none' });
    });

    it('is active after WarrantyActivated', () => {
      given(WarrantyDecider, [activated()]).thenState({ status: 'active', ...issued });
    });

    it('is void after WarrantyVoided', () => {
      given(WarrantyDecider, [activated(), voided()]).thenState({
        status: 'void',
        ...issued,
        voidedAt: '2024-03-01T00:00:00.000Z',
        voidReason: 'Tampered casing',
      });
    });

    it('is active with the new warranty after a reactivation', () => {
      given(WarrantyDecider, [activated(), voided(), activated({ warrantyId: 'w-2' })]).thenState({
        status: 'active',
        ...issued,
        warrantyId: 'w-2',
      });
    });

    it('ignores a void of a warranty that is not the active one', () => {
      given(WarrantyDecider, [activated(), voided('w-9')]).thenState({ status: 'active', ...issued });
      given(WarrantyDecider, [voided()]).thenState({ status: 'none' });
    });
  });

  describe('coverageStatus', () => {
    it('covers through the end date and expires the day after', () => {
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2024-01-31')).toBe('active');
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2026-01-31')).toBe('active');
      expect(coverageStatus({ status: 'active', endsOn: '2026-01-31' }, '2026-02-01')).toBe('expired');
    });

    it('reports void and none as they are', () => {
      expect(coverageStatus({ status: 'void' }, '2024-01-31')).toBe('void');
      expect(coverageStatus({ status: 'none' }, '2024-01-31')).toBe('none');
    });

    it('reads decider states and read-model documents alike', () => {
      const state = WarrantyDecider.evolve(WarrantyDecider.initialState, activated());
      expect(coverageStatus(state, '2030-01-01')).toBe('expired');
      const document: { status: 'active' | 'void'; endsOn: string } = { status: 'void', endsOn: '2026-01-31' };
      expect(coverageStatus(document, '2025-01-01')).toBe('void');
    });
  });
});
