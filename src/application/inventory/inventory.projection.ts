import type { BatteryModelEvent } from '../../domain/inventory/battery-model.decider';
import type { SerialNumberEvent } from '../../domain/inventory/serial-number.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { BATTERY_MODELS, SERIAL_NUMBERS, WHOLESALER_STOCK, type BatteryModelView } from './inventory.read-model';
import { applySerialEvent, withStock } from './serial-stock.apply';

type InventoryEvent = BatteryModelEvent | SerialNumberEvent;

const updateModel = (view: ProjectionView, modelId: string, changes: Partial<BatteryModelView>) =>
  updateDocument<BatteryModelView>(view, BATTERY_MODELS, modelId, (model) => withStock({ ...model, ...changes }, model.stock));

const applyModelEvent = async (event: BatteryModelEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'BatteryModelRegistered': {
      const { modelId, registeredAt, ...fields } = event.data;
      const model: BatteryModelView = {
        id: modelId,
        ...fields,
        status: 'active',
        stock: { available: 0, allocated: 0, sold: 0, replaced: 0 },
        lowStock: true,
        lowStockAlertAt: null,
        registeredAt,
        updatedAt: registeredAt,
        retiredAt: null,
      };
      view.put(BATTERY_MODELS, withStock(model, model.stock));
      return;
    }
    case 'BatteryModelUpdated':
      return updateModel(view, event.data.modelId, { ...event.data.changes, updatedAt: event.data.updatedAt });
    case 'BatteryModelRetired':
      return updateModel(view, event.data.modelId, { status: 'retired', retiredAt: event.data.retiredAt, updatedAt: event.data.retiredAt });
    case 'LowStockAlertRaised':
      return updateModel(view, event.data.modelId, { lowStockAlertAt: event.data.at });
    case 'LowStockAlertCleared':
      return updateModel(view, event.data.modelId, { lowStockAlertAt: null });
    default:
      return assertNever(event);
  }
};

const isModelEvent = (event: InventoryEvent): event is BatteryModelEvent => !event.type.startsWith('SerialNumber');

/** Battery models with live stock counts, serial numbers with their status, and each wholesaler's stock per model. */
export const inventoryProjection: Projection = {
  name: 'inventory-v2',
  collections: [
    { name: BATTERY_MODELS, indexes: [{ fields: ['sku'], unique: true }, { fields: ['status'] }, { fields: ['name'] }] },
    {
      name: SERIAL_NUMBERS,
      indexes: [
        { fields: ['modelId', 'status'] },
        { fields: ['status'] },
        { fields: ['batchId'] },
        { fields: ['allocatedTo'] },
        { fields: ['allocationId'] },
      ],
    },
    { name: WHOLESALER_STOCK, indexes: [{ fields: ['wholesalerId'] }, { fields: ['modelId'] }] },
  ],
  filter: { streamPrefixes: ['batterymodel-', 'serial-'] },
  apply: async (recorded: RecordedEvent, view: ProjectionView) => {
    const event = { type: recorded.type, data: recorded.data } as InventoryEvent;
    await (isModelEvent(event) ? applyModelEvent(event, view) : applySerialEvent(event, view));
  },
};
