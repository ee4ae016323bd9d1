import type { AllocationExports } from '../../../application/inventory/allocation-exports';
import { csvExportRoute } from '../common/csv-export-route';
import type { ReadSide } from '../common/read-side';
import type { RouteDefinition } from '../shared';
import { allocationFilterQuery } from './stock.schemas';
import { scopedWholesaler } from './stock.routes';

export interface AllocationExportHttpDependencies {
  readonly allocationExports: AllocationExports;
  readonly readSide: ReadSide;
}

export const allocationExportRoutes = (deps: AllocationExportHttpDependencies): RouteDefinition[] => [
  csvExportRoute(
    deps.readSide,
    {
      path: '/api/inventory/allocations/export', operationId: 'exportAllocations', tags: ['inventory'], permission: 'inventory:read',
      summary: 'Export stock allocation records as CSV',
      description: 'The filters of GET /api/inventory/allocations, without paging. Wholesalers export their own.',
      query: allocationFilterQuery,
      filename: 'allocations.csv',
    },
    ({ query, context }) => deps.allocationExports.allocations({ ...query, wholesalerId: scopedWholesaler(context, query.wholesalerId) }),
  ),
];
