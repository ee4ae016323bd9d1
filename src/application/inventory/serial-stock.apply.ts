import type { SerialNumberEvent } from '../../domain/inventory/serial-number.decider';
import { assertNever } from '../../domain/shared/decider';
import type { ProjectionView } from '../shared/ports/projection.port';
import {
  BATTERY_MODELS,
  SERIAL_NUMBERS,
  WHOLESALER_STOCK,
  wholesalerStockId,
  type BatteryModelView,
  type SerialNumberView,
  type StockCounts,
  type WholesalerStockView,
} from './inventory.read-model';

type ModelBucket = keyof StockCounts;
type WholesalerBucket = 'allocated' | 'sold' | 'released' | 'returned';

export const withStock = (model: BatteryModelView, stock: StockCounts): BatteryModelView => ({
  ...model,
  stock,
  lowStock: stock.available <= model.lowStockThreshold,
});

/** Moves one unit of a model's stock from one status to another (or in from nowhere). */
const moveModelStock = async (view: ProjectionView, modelId: string, from: ModelBucket | null, to: ModelBucket) => {
  const model = await view.get<BatteryModelView>(BATTERY_MODELS, modelId);
  if (!model) return;
  const stock = { ...model.stock, [to]: (model.stock[to] ?? 0) + 1 };
  if (from) stock[from] -= 1;
  view.put(BATTERY_MODELS, withStock(model, stock));
};

/** Adds `delta` to each named count of a wholesaler's stock of a model. */
const countWholesaler = async (
  view: ProjectionView,
  wholesalerId: string,
  modelId: string,
  at: string,
  deltas: Partial<Record<WholesalerBucket, number>>,
) => {
  const id = wholesalerStockId(wholesalerId, modelId);
  const current = (await view.get<WholesalerStockView>(WHOLESALER_STOCK, id)) ?? {
    id, wholesalerId, modelId, allocated: 0, sold: 0, released: 0, returned: 0, updatedAt: at,
  };
  const next = { ...current, updatedAt: at };
  for (const [bucket, delta] of Object.entries(deltas) as [WholesalerBucket, number][]) next[bucket] = current[bucket] + delta;
  view.put(WHOLESALER_STOCK, next);
};

/** A serial's document as registration creates it: available, in no one's stock. */
export const registeredSerialView = (event: Extract<SerialNumberEvent, { type: 'SerialNumberRegistered' }>['data']): SerialNumberView => ({
  id: event.serial,
  serial: event.serial,
  modelId: event.modelId,
  batchId: event.batchId,
  source: event.source ?? 'generated',
  status: 'available',
  allocatedTo: null,
  allocatedAt: null,
  allocationId: null,
  soldTo: null,
  soldAt: null,
  returnedAt: null,
  replacementSerial: null,
  registeredAt: event.registeredAt,
  updatedAt: event.registeredAt,
});

/** Keeps a serial's document, its model's counts and its wholesaler's counts in step with one serial event. */
export const applySerialEvent = async (event: SerialNumberEvent, view: ProjectionView): Promise<void> => {
  if (event.type === 'SerialNumberRegistered') {
    view.put(SERIAL_NUMBERS, registeredSerialView(event.data));
    await moveModelStock(view, event.data.modelId, null, 'available');
    return;
  }
  const doc = await view.get<SerialNumberView>(SERIAL_NUMBERS, event.data.serial);
  if (!doc) return;
  const put = (changes: Partial<SerialNumberView>, at: string) => view.put(SERIAL_NUMBERS, { ...doc, ...changes, updatedAt: at });
  switch (event.type) {
    case 'SerialNumberAllocated': {
      const { wholesalerId, allocatedAt, allocationId = null } = event.data;
      put({ status: 'allocated', allocatedTo: wholesalerId, allocatedAt, allocationId }, allocatedAt);
      await moveModelStock(view, doc.modelId, doc.status as ModelBucket, 'allocated');
      await countWholesaler(view, wholesalerId, doc.modelId, allocatedAt, { allocated: 1 });
      return;
    }
    case 'SerialNumberReleased': {
      const { wholesalerId, releasedAt } = event.data;
      put({ status: 'available', allocatedTo: null, allocatedAt: null, allocationId: null }, releasedAt);
      await moveModelStock(view, doc.modelId, 'allocated', 'available');
      await countWholesaler(view, wholesalerId, doc.modelId, releasedAt, { allocated: -1, released: 1 });
      return;
    }
    case 'SerialNumberSold': {
      const { soldTo, soldAt } = event.data;
      put({ status: 'sold', soldTo, soldAt }, soldAt);
      await moveModelStock(view, doc.modelId, doc.status as ModelBucket, 'sold');
      if (doc.allocatedTo) await countWholesaler(view, doc.allocatedTo, doc.modelId, soldAt, { allocated: -1, sold: 1 });
      return;
    }
    case 'SerialNumberReturned': {
      const { backTo, wholesalerId, returnedAt } = event.data;
      put({ status: backTo, soldTo: null, soldAt: null, returnedAt }, returnedAt);
      await moveModelStock(view, doc.modelId, 'sold', backTo);
      if (wholesalerId) await countWholesaler(view, wholesalerId, doc.modelId, returnedAt, { allocated: 1, sold: -1, returned: 1 });
      return;
    }
    case 'SerialNumberReplaced': {
      const { replacementSerial, replacedAt } = event.data;
      put({ status: 'replaced', replacementSerial }, replacedAt);
      await moveModelStock(view, doc.modelId, 'sold', 'replaced');
      return;
    }
    default:
      return assertNever(event);
  }
};
