import type { ClaimExports } from '../../../application/warranty/claims/claim-exports';
import { csvExportRoute } from '../common/csv-export-route';
import type { ReadSide } from '../common/read-side';
import type { RouteDefinition } from '../shared';
import { claimListQuery } from './claims.schemas';

export interface ClaimExportHttpDependencies {
  readonly claimExports: ClaimExports;
  readonly readSide: ReadSide;
}

export const claimExportRoutes = (deps: ClaimExportHttpDependencies): RouteDefinition[] => [
  csvExportRoute(
    deps.readSide,
    {
      path: '/api/warranty/claims/export', operationId: 'exportClaims', tags: ['warranty'], permission: 'claims:read',
      summary: 'Export warranty claims as CSV',
      description: 'The filters of GET /api/warranty/claims, without paging: every matching claim (staff).',
      query: claimListQuery.omit({ page: true, pageSize: true }),
      filename: 'claims.csv',
    },
    ({ query }) => deps.claimExports.claims(query),
  ),
];
