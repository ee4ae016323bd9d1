import type { BatteryModelEvent } from '../../domain/inventory/battery-model.decider';
import type { SerialNumberEvent } from '../../domain/inventory/serial-number.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import {
  BATTERY_MODELS,
  SERIAL_NUMBERS,
  type BatteryModelView,
  type SerialNumberView,
  type StockCounts,
} from './inventory.read-model';

type InventoryEvent = BatteryModelEvent | SerialNumberEvent;
type StockStatus = keyof StockCounts;

const withStock = (model: BatteryModelView, stock: StockCounts): BatteryModelView => ({
  ...model,
  stock,
  lowStock: stock.available <= model.lowStockThreshold,
});

/** Moves one unit of a model's stock from one status to another (or in from nowhere). */
const moveStock = async (view: ProjectionView, modelId: string, from: StockStatus | null, to: StockStatus) => {
  const model = await view.get<BatteryModelView>(BATTERY_MODELS, modelId);
  if (!model) return;
  const stock = { ...model.stock, [to]: model.stock[to] + 1 };
  if (from) stock[from] -= 1;
  view.put(BATTERY_MODELS, withStock(model, stock));
};

const applyModelEvent = async (event: BatteryModelEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'BatteryModelRegistered': {
      const { modelId, registeredAt, ...fields } = event.data;
      const model: BatteryModelView = {
        id: modelId,
        ...fields,
        status: 'active',
        stock: { available: 0, allocated: 0, sold: 0 },
        lowStock: true,
        registeredAt,
        updatedAt: registeredAt,
        retiredAt: null,
      };
      view.put(BATTERY_MODELS, withStock(model, model.stock));
      return;
    }
    case 'BatteryModelUpdated': {
      const model = await view.get<BatteryModelView>(BATTERY_MODELS, event.data.modelId);
      if (model) view.put(BATTERY_MODELS, withStock({ ...model, ...event.data.changes, updatedAt: event.data.updatedAt }, model.stock));
      return;
    }
    case 'BatteryModelRetired': {
      const model = await view.get<BatteryModelView>(BATTERY_MODELS, event.data.modelId);
      if (model) view.put(BATTERY_MODELS, { ...model, status: 'retired', retiredAt: event.data.retiredAt, updatedAt: event.data.retiredAt });
      return;
    }
    default:
      return assertNever(event);
  }
};

const applySerialEvent = async (event: SerialNumberEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'SerialNumberRegistered': {
      const { serial, modelId, batchId, registeredAt } = event.data;
      const doc: SerialNumberView = {
        id: serial, serial, modelId, batchId, status: 'available', registeredAt,
        allocatedTo: null, allocatedAt: null, soldTo: null, soldAt: null,
      };
      view.put(SERIAL_NUMBERS, doc);
      await moveStock(view, modelId, null, 'available');
      return;
    }
    case 'SerialNumberAllocated': {
      const doc = await view.get<SerialNumberView>(SERIAL_NUMBERS, event.data.serial);
      if (!doc) return;
      view.put(SERIAL_NUMBERS, { ...doc, status: 'allocated', allocatedTo: event.data.wholesalerId, allocatedAt: event.data.allocatedAt });
      await moveStock(view, doc.modelId, doc.status, 'allocated');
      return;
    }
    case 'SerialNumberSold': {
      const doc = await view.get<SerialNumberView>(SERIAL_NUMBERS, event.data.serial);
      if (!doc) return;
      view.put(SERIAL_NUMBERS, { ...doc, status: 'sold', soldTo: event.data.soldTo, soldAt: event.data.soldAt });
      await moveStock(view, doc.modelId, doc.status, 'sold');
      return;
    }
    default:
      return assertNever(event);
  }
};

const isModelEvent = (event: InventoryEvent): event is BatteryModelEvent => event.type.startsWith('BatteryModel');

/** Battery models with live stock counts, and serial numbers with their status. */
export const inventoryProjection: Projection = {
  name: 'inventory-v1',
  collections: [
    { name: BATTERY_MODELS, indexes: [{ fields: ['sku'], unique: true }, { fields: ['status'] }, { fields: ['name'] }] },
    {
      name: SERIAL_NUMBERS,
      indexes: [{ fields: ['modelId', 'status'] }, { fields: ['status'] }, { fields: ['batchId'] }, { fields: ['allocatedTo'] }],
    },
  ],
  filter: { streamPrefixes: ['batterymodel-', 'serial-'] },
  apply: async (recorded: RecordedEvent, view: ProjectionView) => {
    const event = { type: recorded.type, data: recorded.data } as InventoryEvent;
    await (isModelEvent(event) ? applyModelEvent(event, view) : applySerialEvent(event, view));
  },
};
