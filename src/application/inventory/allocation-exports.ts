import { exportRows, type ExportColumn, type ExportRow } from '../shared/csv-export';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { STOCK_ALLOCATIONS, type StockAllocationView } from './allocations.projection';
import { allocationFilter, type AllocationFilterQuery } from './stock.queries';

const allocationColumns: readonly ExportColumn<StockAllocationView>[] = [
  { header: 'allocationId', value: (a) => a.id },
  { header: 'wholesalerId', value: (a) => a.wholesalerId },
  { header: 'modelId', value: (a) => a.modelId },
  { header: 'quantity', value: (a) => a.quantity },
  { header: 'status', value: (a) => a.status },
  { header: 'serials', value: (a) => a.serials.join(' ') },
  { header: 'notes', value: (a) => a.notes },
  { header: 'failureReason', value: (a) => a.failureReason },
  { header: 'openedBy', value: (a) => a.openedBy },
  { header: 'openedAt', value: (a) => a.openedAt },
  { header: 'closedAt', value: (a) => a.closedAt },
];

/** Whole allocation lists as rows for a file, with the filters of the paged list. */
export class AllocationExports {
  constructor(private readonly documents: DocumentStore) {}

  allocations(query: AllocationFilterQuery): AsyncIterable<ExportRow> {
    return exportRows(this.documents, { collection: STOCK_ALLOCATIONS, filter: allocationFilter(query), columns: allocationColumns });
  }
}
