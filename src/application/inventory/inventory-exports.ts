import { exportRows, type ExportColumn, type ExportRow } from '../shared/csv-export';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { serialFilter, type SerialNumberFilterQuery } from './inventory.queries';
import { SERIAL_NUMBERS, type SerialNumberView } from './inventory.read-model';

const SERIAL_COLUMNS: readonly ExportColumn<SerialNumberView>[] = [
  { header: 'serial', value: (s) => s.serial },
  { header: 'modelId', value: (s) => s.modelId },
  { header: 'batchId', value: (s) => s.batchId },
  { header: 'source', value: (s) => s.source },
  { header: 'status', value: (s) => s.status },
  { header: 'allocatedTo', value: (s) => s.allocatedTo },
  { header: 'allocationId', value: (s) => s.allocationId },
  { header: 'allocatedAt', value: (s) => s.allocatedAt },
  { header: 'soldTo', value: (s) => s.soldTo },
  { header: 'soldAt', value: (s) => s.soldAt },
  { header: 'registeredAt', value: (s) => s.registeredAt },
];

/** Whole inventory lists as rows for a file, with the same filters as the paged lists. */
export class InventoryExports {
  constructor(private readonly documents: DocumentStore) {}

  serials(query: SerialNumberFilterQuery): AsyncIterable<ExportRow> {
    return exportRows(this.documents, { collection: SERIAL_NUMBERS, filter: serialFilter(query), columns: SERIAL_COLUMNS });
  }
}
