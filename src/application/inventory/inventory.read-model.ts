import type { SerialNumberStatus, SerialSource } from '../../domain/inventory/serial-number.decider';

export const BATTERY_MODELS = 'battery_models';
export const SERIAL_NUMBERS = 'serial_numbers';
export const WHOLESALER_STOCK = 'wholesaler_stock';

export interface StockCounts {
  readonly available: number;
  readonly allocated: number;
  readonly sold: number;
  /** Replaced under a claim: out of circulation. */
  readonly replaced: number;
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
  /** When the open low-stock alert was raised (the alert is raised once until stock recovers), else null. */
  readonly lowStockAlertAt: string | null;
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
  readonly source: SerialSource;
  readonly status: Exclude<SerialNumberStatus, 'none'>;
  readonly allocatedTo: string | null;
  readonly allocatedAt: string | null;
  readonly allocationId: string | null;
  readonly soldTo: string | null;
  readonly soldAt: string | null;
  readonly returnedAt: string | null;
  readonly replacementSerial: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly [field: string]: unknown;
}

/** One wholesaler's stock of one model: `id` is `<wholesalerId>:<modelId>`. */
export interface WholesalerStockView {
  readonly id: string;
  readonly wholesalerId: string;
  readonly modelId: string;
  /** In the wholesaler's stock now. */
  readonly allocated: number;
  /** Sold from the wholesaler's stock (returns taken back out). */
  readonly sold: number;
  /** Handed back to the maker. */
  readonly released: number;
  readonly returned: number;
  readonly updatedAt: string;
  readonly [field: string]: unknown;
}

export const wholesalerStockId = (wholesalerId: string, modelId: string): string => `${wholesalerId}:${modelId}`;
