import type { WarrantyExports } from '../../../application/warranty/warranty-exports';
import { csvExportRoute } from '../common/csv-export-route';
import type { ReadSide } from '../common/read-side';
import type { RouteDefinition } from '../shared';
import { warrantyListQuery } from './warranty.schemas';

export interface WarrantyExportHttpDependencies {
  readonly warrantyExports: WarrantyExports;
  readonly readSide: ReadSide;
}

/** The list's filters without paging: an export is the whole selection. */
const warrantyExportQuery = warrantyListQuery.omit({ page: true, pageSize: true });

export const warrantyExportRoutes = (deps: WarrantyExportHttpDependencies): RouteDefinition[] => [
  csvExportRoute(
    deps.readSide,
    {
      path: '/api/warranty/export', operationId: 'exportWarranties', tags: ['warranty'], permission: 'warranty:read',
      summary: 'Export warranties as CSV',
      description:
        'The filters of GET /api/warranty, without paging: every matching warranty, ordered by id, with its coverage today. ' +
        'Consumer contacts are included unmasked, as in the JSON list.',
      query: warrantyExportQuery,
      filename: 'warranties.csv',
    },
    ({ query }) => deps.warrantyExports.warranties(query),
  ),
];
