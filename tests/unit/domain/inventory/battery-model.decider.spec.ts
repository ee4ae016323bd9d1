import {
  BatteryModelDecider,
  batteryModelStreamId,
  type BatteryModelChanges,
  type BatteryModelEvent,
  type RegisterBatteryModel,
} from '../../../../src/domain/inventory/battery-model.decider';
import { given } from '../decider-spec';

const registration: RegisterBatteryModel['data'] = {
  modelId: 'm-1',
  name: 'Lithovolt 100Ah',
  sku: 'LV-100AH',
  capacityAh: 100,
  voltage: 12.8,
  warrantyMonths: 24,
  lowStockThreshold: 10,
  serialPrefix: 'LV24A',
  registeredAt: '2024-05-01T10:00:00.000Z',
};
const register = (overrides: Partial<RegisterBatteryModel['data']> = {}): RegisterBatteryModel => ({
  type: 'RegisterBatteryModel',
  data: { ...registration, ...overrides },
});
const registered: BatteryModelEvent = { type: 'BatteryModelRegistered', data: registration };
const update = (changes: BatteryModelChanges) =>
  ({ type: 'UpdateBatteryModel', data: { modelId: 'm-1', changes, updatedAt: '2024-06-01T00:00:00.000Z' } }) as const;
const updated = (changes: BatteryModelChanges): BatteryModelEvent => ({
  type: 'BatteryModelUpdated',
  data: { modelId: 'm-1', changes, updatedAt: '2024-06-01T00:00:00.000Z' },
});
const retire = { type: 'RetireBatteryModel', data: { modelId: 'm-1', retiredAt: '2024-07-01T00:00:00.000Z' } } as const;
const retired: BatteryModelEvent = { type: 'BatteryModelRetired', data: retire.data };
// The model's threshold is 10: stock at or below it is low.
const stock = (available: number, at = '2024-06-10T06:00:00.000Z') => ({ modelId: 'm-1', available, at });
const raise = (available: number) => ({ type: 'RaiseLowStockAlert', data: stock(available) }) as const;
const clear = (available: number) => ({ type: 'ClearLowStockAlert', data: stock(available, '2024-06-12T06:00:00.000Z') }) as const;
const alertRaised = (available = 10, threshold = 10): BatteryModelEvent => ({
  type: 'LowStockAlertRaised',
  data: { ...stock(available), threshold },
});
const alertCleared = (available = 11, threshold = 10): BatteryModelEvent => ({
  type: 'LowStockAlertCleared',
  data: { ...stock(available, '2024-06-12T06:00:00.000Z'), threshold },
});

describe('battery model', () => {
  it('names its stream batterymodel-<modelId>', () => {
    expect(batteryModelStreamId('m-1')).toBe('batterymodel-m-1');
  });

  describe('RegisterBatteryModel', () => {
    it('registers a new model', () => {
      given(BatteryModelDecider).when(register()).then([registered]);
    });

    it('records only the registration fields', () => {
      const withExtra = { type: 'RegisterBatteryModel', data: { ...registration, extra: 'ignored' } } as const;
      given(BatteryModelDecider).when(withExtra).then([registered]);
    });

    it('refuses a second registration', () => {
      given(BatteryModelDecider, [registered])
        .when(register())
        .thenThrows('battery_model.already_exists', { kind: 'conflict', details: { modelId: 'm-1' } });
    });

    it('accepts the boundary values', () => {
      const bounds = { name: 'x'.repeat(120), sku: 'A'.repeat(32), capacityAh: 10_000, voltage: 1_000 };
      const more = { warrantyMonths: 240, lowStockThreshold: 0, serialPrefix: 'AB' };
      given(BatteryModelDecider)
        .when(register({ ...bounds, ...more }))
        .then([{ type: 'BatteryModelRegistered', data: { ...registration, ...bounds, ...more } }]);
      given(BatteryModelDecider)
        .when(register({ sku: 'A1', warrantyMonths: 1, serialPrefix: 'ABCDEFG8' }))
        .then([{ type: 'BatteryModelRegistered', data: { ...registration, sku: 'A1', warrantyMonths: 1, serialPrefix: 'ABCDEFG8' } }]);
    });

    it.each<[string, Partial<RegisterBatteryModel['data']>]>([
      ['battery_model.invalid_name', { name: '' }],
      ['battery_model.invalid_name', { name: '   ' }],
      ['battery_model.invalid_name', { name: 'x'.repeat(121) }],
      ['battery_model.invalid_sku', { sku: 'lv-100' }],
      ['battery_model.invalid_sku', { sku: '-LV100' }],
      ['battery_model.invalid_sku', { sku: 'L' }],
      ['battery_model.invalid_sku', { sku: 'A'.repeat(33) }],
      ['battery_model.invalid_sku', { sku: 'LV 100' }],
      ['battery_model.invalid_capacity', { capacityAh: 0 }],
      ['battery_model.invalid_capacity', { capacityAh: -5 }],
      ['battery_model.invalid_capacity', { capacityAh: 10_000.5 }],
      ['battery_model.invalid_capacity', { capacityAh: Number.NaN }],
      ['battery_model.invalid_voltage', { voltage: 0 }],
      ['battery_model.invalid_voltage', { voltage: 1_001 }],
      ['battery_model.invalid_voltage', { voltage: Number.POSITIVE_INFINITY }],
      ['battery_model.invalid_warranty_months', { warrantyMonths: 0 }],
      ['battery_model.invalid_warranty_months', { warrantyMonths: 241 }],
      ['battery_model.invalid_warranty_months', { warrantyMonths: 12.5 }],
      ['battery_model.invalid_low_stock_threshold', { lowStockThreshold: -1 }],
      ['battery_model.invalid_low_stock_threshold', { lowStockThreshold: 2.5 }],
      ['battery_model.invalid_serial_prefix', { serialPrefix: 'L' }],
      ['battery_model.invalid_serial_prefix', { serialPrefix: 'lv24' }],
      ['battery_model.invalid_serial_prefix', { serialPrefix: 'ABCDEFGHI' }],
      ['battery_model.invalid_serial_prefix', { serialPrefix: 'LV-2' }],
    ])('refuses with %s: %p', (code, overrides) => {
      given(BatteryModelDecider).when(register(overrides)).thenThrows(code, { kind: 'invalid' });
    });
  });

  describe('UpdateBatteryModel', () => {
    it('records only the fields that change', () => {
      given(BatteryModelDecider, [registered])
        .when(update({ name: 'Lithovolt 100Ah Pro', capacityAh: 100, voltage: 12.8, warrantyMonths: 36 }))
        .then([updated({ name: 'Lithovolt 100Ah Pro', warrantyMonths: 36 })]);
    });

    it('updates every spec field', () => {
      const changes = { name: 'New', capacityAh: 120, voltage: 24, warrantyMonths: 12, lowStockThreshold: 0 };
      given(BatteryModelDecider, [registered]).when(update(changes)).then([updated(changes)]);
    });

    it('records nothing for empty changes or the current values', () => {
      given(BatteryModelDecider, [registered]).when(update({})).then([]);
      given(BatteryModelDecider, [registered]).when(update({ name: undefined })).then([]);
      given(BatteryModelDecider, [registered])
        .when(update({ name: 'Lithovolt 100Ah', capacityAh: 100, lowStockThreshold: 10 }))
        .then([]);
      given(BatteryModelDecider, [registered, updated({ warrantyMonths: 36 })]).when(update({ warrantyMonths: 36 })).then([]);
    });

    it('validates the changes', () => {
      given(BatteryModelDecider, [registered]).when(update({ capacityAh: 0 })).thenThrows('battery_model.invalid_capacity');
      given(BatteryModelDecider, [registered]).when(update({ name: '' })).thenThrows('battery_model.invalid_name');
      given(BatteryModelDecider, [registered]).when(update({ voltage: -1 })).thenThrows('battery_model.invalid_voltage');
      given(BatteryModelDecider, [registered])
        .when(update({ warrantyMonths: 300 }))
        .thenThrows('battery_model.invalid_warranty_months');
      given(BatteryModelDecider, [registered])
        .when(update({ lowStockThreshold: -3 }))
        .thenThrows('battery_model.invalid_low_stock_threshold');
    });

    it('refuses a missing model', () => {
      given(BatteryModelDecider)
        .when(update({ name: 'x' }))
        .thenThrows('battery_model.not_found', { kind: 'not_found', details: { modelId: 'm-1' } });
    });

    it('refuses a retired model', () => {
      given(BatteryModelDecider, [registered, retired])
        .when(update({ name: 'x' }))
        .thenThrows('battery_model.retired', { kind: 'conflict', details: { modelId: 'm-1' } });
    });
  });

  describe('RetireBatteryModel', () => {
    it('retires an active model', () => {
      given(BatteryModelDecider, [registered]).when(retire).then([retired]);
    });

    it('is idempotent', () => {
      given(BatteryModelDecider, [registered, retired]).when(retire).then([]);
    });

    it('refuses a missing model', () => {
      given(BatteryModelDecider).when(retire).thenThrows('battery_model.not_found', { kind: 'not_found' });
    });
  });

  describe('RaiseLowStockAlert', () => {
    it('raises an alert when available stock falls to the threshold or below, naming the threshold', () => {
      given(BatteryModelDecider, [registered]).when(raise(10)).then([alertRaised(10)]);
      given(BatteryModelDecider, [registered]).when(raise(0)).then([alertRaised(0)]);
    });

    it('records nothing while stock is above the threshold', () => {
      given(BatteryModelDecider, [registered]).when(raise(11)).then([]);
    });

    it('raises an alert once while it is open', () => {
      given(BatteryModelDecider, [registered, alertRaised(10)]).when(raise(3)).then([]);
    });

    it('raises again after the alert was cleared', () => {
      given(BatteryModelDecider, [registered, alertRaised(10), alertCleared(11)]).when(raise(9)).then([alertRaised(9)]);
    });

    it('uses the threshold as last updated', () => {
      given(BatteryModelDecider, [registered, updated({ lowStockThreshold: 3 })]).when(raise(4)).then([]);
      given(BatteryModelDecider, [registered, updated({ lowStockThreshold: 3 })]).when(raise(3)).then([alertRaised(3, 3)]);
      given(BatteryModelDecider, [registered, updated({ lowStockThreshold: 0 })]).when(raise(0)).then([alertRaised(0, 0)]);
    });

    it('records nothing for a retired model', () => {
      given(BatteryModelDecider, [registered, retired]).when(raise(0)).then([]);
    });

    it('refuses a missing model', () => {
      given(BatteryModelDecider)
        .when(raise(0))
        .thenThrows('battery_model.not_found', { kind: 'not_found', details: { modelId: 'm-1' } });
    });
  });

  describe('ClearLowStockAlert', () => {
    it('clears the open alert once stock is above the threshold', () => {
      given(BatteryModelDecider, [registered, alertRaised(10)]).when(clear(11)).then([alertCleared(11)]);
    });

    it('keeps the alert open while stock is at or below the threshold', () => {
      given(BatteryModelDecider, [registered, alertRaised(10)]).when(clear(10)).then([]);
      given(BatteryModelDecider, [registered, alertRaised(10)]).when(clear(0)).then([]);
    });

    it('records nothing when no alert is open', () => {
      given(BatteryModelDecider, [registered]).when(clear(50)).then([]);
      given(BatteryModelDecider, [registered, alertRaised(10), alertCleared(11)]).when(clear(50)).then([]);
    });

    it('clears against the threshold as last updated', () => {
      given(BatteryModelDecider, [registered, alertRaised(10), updated({ lowStockThreshold: 3 })])
        .when(clear(4))
        .then([alertCleared(4, 3)]);
    });

    it('clears an alert left open on a retired model', () => {
      given(BatteryModelDecider, [registered, alertRaised(10), retired]).when(clear(11)).then([alertCleared(11)]);
    });

    it('refuses a missing model', () => {
      given(BatteryModelDecider)
        .when(clear(11))
        .thenThrows('battery_model.not_found', { kind: 'not_found', details: { modelId: 'm-1' } });
    });
  });

  describe('evolve', () => {
    it('starts empty', () => {
      given(BatteryModelDecider).thenState({ status: 'none' });
    });

    it('is active with its registration after BatteryModelRegistered', () => {
      given(BatteryModelDecider, [registered]).thenState({ status: 'active', ...registration, lowStockAlertAt: null });
    });

    it('applies the changes of BatteryModelUpdated', () => {
      given(BatteryModelDecider, [registered, updated({ name: 'Pro', lowStockThreshold: 3 })]).thenState({
        status: 'active',
        ...registration,
        name: 'Pro',
        lowStockThreshold: 3,
        lowStockAlertAt: null,
      });
    });

    it('keeps the model and its last spec after BatteryModelRetired', () => {
      given(BatteryModelDecider, [registered, updated({ warrantyMonths: 36 }), retired]).thenState({
        status: 'retired',
        ...registration,
        warrantyMonths: 36,
        lowStockAlertAt: null,
        retiredAt: '2024-07-01T00:00:00.000Z',
      });
    });

    it('keeps since when an alert is open after LowStockAlertRaised, and forgets it after LowStockAlertCleared', () => {
      given(BatteryModelDecider, [registered, alertRaised()]).thenState({
        status: 'active',
        ...registration,
        lowStockAlertAt: '2024-06-10T06:00:00.000Z',
      });
      given(BatteryModelDecider, [registered, alertRaised(), alertCleared()]).thenState({
        status: 'active',
        ...registration,
        lowStockAlertAt: null,
      });
    });

    it('keeps an open alert through retirement', () => {
      given(BatteryModelDecider, [registered, alertRaised(), retired]).thenState({
        status: 'retired',
        ...registration,
        lowStockAlertAt: '2024-06-10T06:00:00.000Z',
        retiredAt: '2024-07-01T00:00:00.000Z',
      });
    });

    it('ignores updates, retirements and alerts of a model it never saw', () => {
      given(BatteryModelDecider, [updated({ name: 'x' }), retired, alertRaised(), alertCleared()]).thenState({ status: 'none' });
    });
  });
});
