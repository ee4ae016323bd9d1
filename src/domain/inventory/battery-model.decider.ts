import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

export const batteryModelStreamId = (modelId: string): string => `batterymodel-${modelId}`;

/** The specification a battery model is sold and warranted under. */
export interface BatteryModelSpec {
  readonly name: string;
  readonly capacityAh: number;
  readonly voltage: number;
  readonly warrantyMonths: number;
  readonly lowStockThreshold: number;
}

/** The fields fixed at registration: the SKU and serial prefix identify the model's products. */
export interface BatteryModelIdentity {
  readonly modelId: string;
  readonly sku: string;
  readonly serialPrefix: string;
}

export type BatteryModelChanges = Partial<BatteryModelSpec>;

export type RegisterBatteryModel = DomainCommand<
  'RegisterBatteryModel',
  BatteryModelIdentity & BatteryModelSpec & { readonly registeredAt: string }
>;
export type UpdateBatteryModel = DomainCommand<
  'UpdateBatteryModel',
  { readonly modelId: string; readonly changes: BatteryModelChanges; readonly updatedAt: string }
>;
export type RetireBatteryModel = DomainCommand<
  'RetireBatteryModel',
  { readonly modelId: string; readonly retiredAt: string }
>;
/** Stock facts as the stock monitor read them, passed in: the decider keeps "raised once" on the model's stream. */
export interface StockLevel {
  readonly modelId: string;
  readonly available: number;
  readonly at: string;
}
export type RaiseLowStockAlert = DomainCommand<'RaiseLowStockAlert', StockLevel>;
export type ClearLowStockAlert = DomainCommand<'ClearLowStockAlert', StockLevel>;
export type BatteryModelCommand =
  | RegisterBatteryModel
  | UpdateBatteryModel
  | RetireBatteryModel
  | RaiseLowStockAlert
  | ClearLowStockAlert;

export type BatteryModelRegistered = DomainEvent<'BatteryModelRegistered', RegisterBatteryModel['data']>;
export type BatteryModelUpdated = DomainEvent<
  'BatteryModelUpdated',
  { readonly modelId: string; readonly changes: BatteryModelChanges; readonly updatedAt: string }
>;
export type BatteryModelRetired = DomainEvent<
  'BatteryModelRetired',
  { readonly modelId: string; readonly retiredAt: string }
>;
export type LowStockAlertRaised = DomainEvent<'LowStockAlertRaised', StockLevel & { readonly threshold: number }>;
export type LowStockAlertCleared = DomainEvent<'LowStockAlertCleared', StockLevel & { readonly threshold: number }>;
export type BatteryModelEvent =
  | BatteryModelRegistered
  | BatteryModelUpdated
  | BatteryModelRetired
  | LowStockAlertRaised
  | LowStockAlertCleared;

type BatteryModelFields = BatteryModelIdentity &
  BatteryModelSpec & {
    readonly registeredAt: string;
    /** Since when the open low-stock alert stands; null when none is open. */
    readonly lowStockAlertAt: string | null;
  };
export type BatteryModelState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & BatteryModelFields)
  | ({ readonly status: 'retired'; readonly retiredAt: string } & BatteryModelFields);

const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const SERIAL_PREFIX_PATTERN = /^[A-Z0-9]{2,8}$/;
const MAX_NAME_LENGTH = 120;
const SPEC_FIELDS = ['name', 'capacityAh', 'voltage', 'warrantyMonths', 'lowStockThreshold'] as const;

const isInRange = (value: number, minExclusive: number, maxInclusive: number): boolean =>
  Number.isFinite(value) && value > minExclusive && value <= maxInclusive;

const validateSpec = (spec: BatteryModelChanges): void => {
  const { name, capacityAh, voltage, warrantyMonths, lowStockThreshold } = spec;
  if (name !== undefined && (name.trim().length === 0 || name.length > MAX_NAME_LENGTH)) {
    throw invalid('battery_model.invalid_name', `A model name is 1..${MAX_NAME_LENGTH} characters`);
  }
  if (capacityAh !== undefined && !isInRange(capacityAh, 0, 10_000)) {
    throw invalid('battery_model.invalid_capacity', 'Capacity must be above 0 and at most 10000 Ah', { capacityAh });
  }
  if (voltage !== undefined && !isInRange(voltage, 0, 1_000)) {
    throw invalid('battery_model.invalid_voltage', 'Voltage must be above 0 and at most 1000 V', { voltage });
  }
  if (warrantyMonths !== undefined && !(Number.isInteger(warrantyMonths) && warrantyMonths >= 1 && warrantyMonths <= 240)) {
    throw invalid('battery_model.invalid_warranty_months', 'Warranty months must be an integer in 1..240', {
      warrantyMonths,
    });
  }
  if (lowStockThreshold !== undefined && !(Number.isInteger(lowStockThreshold) && lowStockThreshold >= 0)) {
    throw invalid('battery_model.invalid_low_stock_threshold', 'The low-stock threshold must be an integer >= 0', {
      lowStockThreshold,
    });
  }
};

const validateIdentity = ({ sku, serialPrefix }: BatteryModelIdentity): void => {
  if (!SKU_PATTERN.test(sku)) {
    throw invalid('battery_model.invalid_sku', 'A SKU is 2..32 characters in [A-Z0-9-], not starting with a dash', {
      sku,
    });
  }
  if (!SERIAL_PREFIX_PATTERN.test(serialPrefix)) {
    throw invalid('battery_model.invalid_serial_prefix', 'A serial prefix is 2..8 characters in [A-Z0-9]', {
      serialPrefix,
    });
  }
};

/** Keeps only the fields that are given and differ from the current spec. */
const effectiveChanges = (current: BatteryModelSpec, changes: BatteryModelChanges): BatteryModelChanges =>
  SPEC_FIELDS.reduce<BatteryModelChanges>((kept, field) => {
    const value = changes[field];
    return value === undefined || value === current[field] ? kept : { ...kept, [field]: value };
  }, {});

const missing = (modelId: string) =>
  notFound('battery_model.not_found', `Battery model ${modelId} does not exist`, { modelId });

const decide = (command: BatteryModelCommand, state: BatteryModelState): readonly BatteryModelEvent[] => {
  switch (command.type) {
    case 'RegisterBatteryModel': {
      validateIdentity(command.data);
      validateSpec(command.data);
      if (state.status !== 'none') {
        throw conflict('battery_model.already_exists', `Battery model ${command.data.modelId} already exists`, {
          modelId: command.data.modelId,
        });
      }
      const { modelId, sku, serialPrefix, name, capacityAh, voltage, warrantyMonths, lowStockThreshold, registeredAt } =
        command.data;
      return [
        {
          type: 'BatteryModelRegistered',
          data: { modelId, sku, serialPrefix, name, capacityAh, voltage, warrantyMonths, lowStockThreshold, registeredAt },
        },
      ];
    }
    case 'UpdateBatteryModel': {
      const { modelId, updatedAt } = command.data;
      validateSpec(command.data.changes);
      if (state.status === 'none') throw missing(modelId);
      if (state.status === 'retired') {
        throw conflict('battery_model.retired', `Battery model ${modelId} is retired`, { modelId });
      }
      const changes = effectiveChanges(state, command.data.changes);
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'BatteryModelUpdated', data: { modelId, changes, updatedAt } }];
    }
    case 'RetireBatteryModel': {
      if (state.status === 'none') throw missing(command.data.modelId);
      if (state.status === 'retired') return [];
      return [{ type: 'BatteryModelRetired', data: { modelId: command.data.modelId, retiredAt: command.data.retiredAt } }];
    }
    case 'RaiseLowStockAlert':
    case 'ClearLowStockAlert': {
      if (state.status === 'none') throw missing(command.data.modelId);
      const { lowStockThreshold: threshold, lowStockAlertAt } = state;
      const low = command.data.available <= threshold;
      // Raised once when stock falls to the threshold, cleared once it recovers; anything else changes nothing.
      if (command.type === 'RaiseLowStockAlert') {
        return low && lowStockAlertAt === null && state.status === 'active'
          ? [{ type: 'LowStockAlertRaised', data: { ...command.data, threshold } }]
          : [];
      }
      return !low && lowStockAlertAt !== null ? [{ type: 'LowStockAlertCleared', data: { ...command.data, threshold } }] : [];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: BatteryModelState, event: BatteryModelEvent): BatteryModelState => {
  switch (event.type) {
    case 'BatteryModelRegistered':
      return { status: 'active', ...event.data, lowStockAlertAt: null };
    case 'BatteryModelUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'BatteryModelRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired', retiredAt: event.data.retiredAt };
    case 'LowStockAlertRaised':
      return state.status === 'none' ? state : { ...state, lowStockAlertAt: event.data.at };
    case 'LowStockAlertCleared':
      return state.status === 'none' ? state : { ...state, lowStockAlertAt: null };
    default:
      return assertNever(event);
  }
};

export const BatteryModelDecider: Decider<BatteryModelCommand, BatteryModelEvent, BatteryModelState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
