import type { SerialNumberStatus } from '../../domain/inventory/serial-number.decider';

export const BATTERY_MODELS = 'battery_models';
export const SERIAL_NUMBERS = 'serial_numbers';

export interface StockCounts {
  readonly available: number;
  readonly allocated: number;
  readonly sold: number;
}

export interface BatteryModelView {
  readonly id: string;
  readonly sku: string;
  readonly serialPrefix: string;
  readonly name: string;
  readonly capacityAh: number;
  readonly voltage: number;
  readonly warrantyMonths: number;
  readonly lowStockThreshold: number;
  readonly status: 'active' | 'retired';
  readonly stock: StockCounts;
  /** Available stock at or below the threshold. */
  readonly lowStock: boolean;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly retiredAt: string | null;
  readonly [field: string]: unknown;
}

export interface SerialNumberView {
  readonly id: string;
  readonly serial: string;
  readonly modelId: string;
  readonly batchId: string | null;
  readonly status: Exclude<SerialNumberStatus, 'none'>;
  readonly allocatedTo: string | null;
  readonly allocatedAt: string | null;
  readonly soldTo: string | null;
  readonly soldAt: string | null;
  readonly registeredAt: string;
  readonly [field: string]: unknown;
}
