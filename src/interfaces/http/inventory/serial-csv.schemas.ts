import { z } from 'zod';
import { MAX_IMPORT_ROWS } from '../../../application/inventory/serial-import-rows';
import type { UploadSpec } from '../shared';
import { serialListQuery } from './inventory.schemas';

/** The list's filters without paging: an export is the whole selection. */
export const serialExportQuery = serialListQuery.omit({ page: true, pageSize: true });

export const SERIAL_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const serialImportUpload: UploadSpec = {
  description:
    `CSV with a header row naming \`serial\` and \`model\` (model id or SKU), optionally \`batch\`; at most ${MAX_IMPORT_ROWS} rows. ` +
    'Send it as the body (text/csv) or as the multipart/form-data field `file`.',
  mediaTypes: ['text/csv', 'application/csv'],
  multipartField: 'file',
  maxBytes: SERIAL_IMPORT_MAX_BYTES,
};

const rowReport = z.object({
  row: z.number().int().describe('1-based data row (the header is not counted)'),
  line: z.number().int().describe('The file line the row ends on (the header is line 1)'),
  serial: z.string().describe('Normalised: upper case, no spaces or dashes'),
  status: z.enum(['accepted', 'rejected']),
  code: z.string().optional().describe('Why a row was rejected, e.g. serial.already_exists, battery_model.not_found'),
  message: z.string().optional(),
});

export const serialImportReportSchema = z
  .object({
    total: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    rows: z.array(rowReport),
    position: z.number().int().describe('Global position of the last serial registered (0 when none was)'),
  })
  .meta({ id: 'SerialImportReport' });
