import { createHash } from 'node:crypto';
import type { ImportSerialsHandler } from '../../../application/inventory/import-serials.handler';
import type { InventoryExports } from '../../../application/inventory/inventory-exports';
import type { CommandEdge } from '../common/command-context.mapping';
import { csvExportRoute } from '../common/csv-export-route';
import { parseCsvTable } from '../common/csv-table';
import type { ReadSide } from '../common/read-side';
import { commandRoute } from '../common/route-kinds';
import { uploadedFile, type RouteDefinition } from '../shared';
import { serialExportQuery, serialImportReportSchema, serialImportUpload } from './serial-csv.schemas';

export interface SerialCsvHttpDependencies extends CommandEdge {
  readonly importSerials: ImportSerialsHandler;
  readonly inventoryExports: InventoryExports;
  readonly readSide: ReadSide;
}

const tags = ['inventory'];

/** Serial numbers in and out as CSV files: a streamed export of the list, and an import of existing serials. */
export const serialCsvRoutes = (deps: SerialCsvHttpDependencies): RouteDefinition[] => [
  csvExportRoute(
    deps.readSide,
    {
      path: '/api/inventory/serials/export', operationId: 'exportSerialNumbers', tags, permission: 'inventory:read',
      summary: 'Export serial numbers as CSV',
      description: 'The filters of GET /api/inventory/serials, without paging: every matching serial, ordered by serial.',
      query: serialExportQuery,
      filename: 'serials.csv',
    },
    ({ query }) => deps.inventoryExports.serials(query),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials/import', operationId: 'importSerialNumbers', tags, status: 200,
      summary: 'Import existing serial numbers from a CSV file', permission: 'inventory:manage',
      description:
        'Registers each row as an imported serial (no check character needed). Rows stand alone: the answer reports ' +
        'every row as accepted or rejected with a code. A file without the serial and model columns, with too many ' +
        'rows or not valid CSV is refused whole (422) and changes nothing. Re-importing a file accepts nothing new.',
      upload: serialImportUpload,
      fingerprint: ({ file }) => createHash('sha256').update(uploadedFile(file).content).digest('hex'),
      responses: { 200: { description: 'The per-row report', schema: serialImportReportSchema } },
    },
    ({ file }, command) => deps.importSerials.execute(parseCsvTable(uploadedFile(file).content), command),
  ),
];
