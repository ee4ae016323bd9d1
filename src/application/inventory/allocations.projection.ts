import { assertNever } from '../../domain/shared/decider';
import type { StockAllocationEvent } from '../../domain/inventory/stock-allocation.decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';

export const STOCK_ALLOCATIONS = 'stock_allocations';

export interface StockAllocationView {
  readonly id: string;
  readonly wholesalerId: string;
  readonly modelId: string | null;
  readonly quantity: number;
  readonly requestedSerials: readonly string[];
  readonly serials: readonly string[];
  readonly notes: string | null;
  /** `open` while serials move (or if the allocation was interrupted), then completed or failed. */
  readonly status: 'open' | 'completed' | 'failed';
  readonly failureReason: string | null;
  readonly openedBy: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly [field: string]: unknown;
}

const apply = async (event: StockAllocationEvent, view: ProjectionView) => {
  if (event.type === 'AllocationOpened') {
    const { allocationId, ...request } = event.data;
    view.put(STOCK_ALLOCATIONS, {
      id: allocationId, ...request, serials: [], status: 'open', failureReason: null, closedAt: null,
    } satisfies StockAllocationView);
    return;
  }
  const close = (changes: Partial<StockAllocationView>) =>
    updateDocument<StockAllocationView>(view, STOCK_ALLOCATIONS, event.data.allocationId, (allocation) => ({ ...allocation, ...changes }));
  switch (event.type) {
    case 'AllocationCompleted':
      return close({ status: 'completed', serials: event.data.serials, closedAt: event.data.completedAt });
    case 'AllocationFailed':
      return close({ status: 'failed', failureReason: event.data.reason, closedAt: event.data.failedAt });
    default:
      return assertNever(event);
  }
};

/** Stock allocation records: who allocated what to which wholesaler, when, with which notes. */
export const allocationsProjection: Projection = {
  name: 'stock-allocations-v1',
  collections: [
    { name: STOCK_ALLOCATIONS, indexes: [{ fields: ['wholesalerId', 'openedAt'] }, { fields: ['modelId'] }, { fields: ['status'] }, { fields: ['openedAt'] }] },
  ],
  filter: { streamPrefixes: ['allocation-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => apply({ type: recorded.type, data: recorded.data } as StockAllocationEvent, view),
};
