import { notFound } from '../../domain/shared/domain-error';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentFilter, DocumentStore } from '../shared/ports/document-store.port';
import { STOCK_ALLOCATIONS, type StockAllocationView } from './allocations.projection';
import { WHOLESALER_STOCK, type WholesalerStockView } from './inventory.read-model';

export interface AllocationFilterQuery {
  readonly wholesalerId?: string | undefined;
  readonly modelId?: string | undefined;
  readonly status?: StockAllocationView['status'] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface WholesalerStockQuery extends PageRequest {
  readonly wholesalerId?: string | undefined;
  readonly modelId?: string | undefined;
}

/** The allocation list's filter, shared by the paged list and the CSV export. */
export const allocationFilter = (query: AllocationFilterQuery): DocumentFilter =>
  definedOnly({
    wholesalerId: query.wholesalerId,
    modelId: query.modelId,
    status: query.status,
    openedAt: query.from || query.to ? definedOnly({ $gte: query.from, $lt: query.to }) : undefined,
  });

/** Allocation records and wholesalers' stock, from read models only. */
export class StockQueries {
  constructor(private readonly documents: DocumentStore) {}

  listAllocations(query: AllocationFilterQuery & PageRequest): Promise<Page<StockAllocationView>> {
    return findPage(this.documents, STOCK_ALLOCATIONS, allocationFilter(query), [{ field: 'openedAt', direction: 'desc' }], query);
  }

  async getAllocation(allocationId: string): Promise<StockAllocationView> {
    const allocation = await this.documents.get<StockAllocationView>(STOCK_ALLOCATIONS, allocationId);
    if (!allocation) throw notFound('allocation.not_found', `Allocation ${allocationId} does not exist`, { allocationId });
    return allocation;
  }

  wholesalerStock(query: WholesalerStockQuery): Promise<Page<WholesalerStockView>> {
    const filter = definedOnly({ wholesalerId: query.wholesalerId, modelId: query.modelId });
    return findPage(this.documents, WHOLESALER_STOCK, filter, [{ field: 'wholesalerId', direction: 'asc' }, { field: 'modelId', direction: 'asc' }], query);
  }
}
