import { normaliseSerial } from '../../domain/inventory/serial-code';
import type { SerialNumberStatus } from '../../domain/inventory/serial-number.decider';
import { notFound } from '../../domain/shared/domain-error';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentFilter, DocumentStore, SortField } from '../shared/ports/document-store.port';
import { BATTERY_MODELS, SERIAL_NUMBERS, type BatteryModelView, type SerialNumberView } from './inventory.read-model';

export interface BatteryModelListQuery extends PageRequest {
  readonly status?: 'active' | 'retired' | undefined;
  readonly lowStock?: boolean | undefined;
  /** Case-insensitive match on the name. */
  readonly search?: string | undefined;
  readonly sort?: SortField | undefined;
}

export interface SerialNumberFilterQuery {
  readonly modelId?: string | undefined;
  readonly status?: Exclude<SerialNumberStatus, 'none'> | undefined;
  readonly batchId?: string | undefined;
  readonly allocatedTo?: string | undefined;
  readonly search?: string | undefined;
}

export interface SerialNumberListQuery extends SerialNumberFilterQuery, PageRequest {}

/** The serial list's filter, shared by the paged list and the CSV export so both select the same serials. */
export const serialFilter = (query: SerialNumberFilterQuery): DocumentFilter =>
  definedOnly({
    modelId: query.modelId,
    status: query.status,
    batchId: query.batchId,
    allocatedTo: query.allocatedTo,
    serial: query.search ? { $contains: normaliseSerial(query.search) } : undefined,
  });

/** Reads battery models and serial numbers from the inventory read model only. */
export class InventoryQueries {
  constructor(private readonly documents: DocumentStore) {}

  listModels(query: BatteryModelListQuery): Promise<Page<BatteryModelView>> {
    const filter = definedOnly({
      status: query.status,
      lowStock: query.lowStock,
      name: query.search ? { $contains: query.search } : undefined,
    });
    return findPage(this.documents, BATTERY_MODELS, filter, [query.sort ?? { field: 'name', direction: 'asc' }], query);
  }

  async getModel(id: string): Promise<BatteryModelView> {
    const model = await this.documents.get<BatteryModelView>(BATTERY_MODELS, id);
    if (!model) throw notFound('battery_model.not_found', `Battery model ${id} does not exist`, { modelId: id });
    return model;
  }

  listSerials(query: SerialNumberListQuery): Promise<Page<SerialNumberView>> {
    return findPage(this.documents, SERIAL_NUMBERS, serialFilter(query), [{ field: 'registeredAt', direction: 'desc' }], query);
  }

  async getSerial(serialInput: string): Promise<SerialNumberView> {
    const serial = normaliseSerial(serialInput);
    const doc = await this.documents.get<SerialNumberView>(SERIAL_NUMBERS, serial);
    if (!doc) throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    return doc;
  }
}
