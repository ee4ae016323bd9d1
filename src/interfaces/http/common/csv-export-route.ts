import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import type { ExportRow } from '../../../application/shared/csv-export';
import { defineRoute, type HandlerInput, type ParameterSchema, type RouteDefinition } from '../shared';
import { awaitReadSide, type ReadSide } from './read-side';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a consumer
 * named "=HYPERLINK(...)" could act when the file is opened. A leading apostrophe makes such a cell plain text.
 */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** CSV text for rows, produced as fast as it is read: csv-stringify quotes commas, quotes and line breaks. */
export const csvChunks = (rows: AsyncIterable<ExportRow>): Readable =>
  pipeline(
    Readable.from(rows),
    stringify({
      // Excel needs the byte order mark to read UTF-8 (names like "Wanjikũ"); RFC 4180 ends records with CRLF.
      bom: true,
      record_delimiter: 'windows',
      // With CRLF records csv-stringify only quotes CRLF itself; a bare line break must be quoted too.
      quoted_match: /[\r\n]/,
      cast: { string: neutraliseFormula, boolean: (value: boolean) => String(value) },
    }),
    // Failures reach the reader: pipeline destroys the stringifier with the error.
    () => undefined,
  );

type Query = ParameterSchema | undefined;

export interface CsvExportSpec<Q extends Query>
  extends Omit<RouteDefinition<undefined, Q, undefined>, 'method' | 'handler' | 'responses' | 'params' | 'body' | 'upload'> {
  /** Offered to the browser in Content-Disposition, e.g. `serials.csv`. */
  readonly filename: string;
}

/**
 * A GET that answers a whole list (the JSON list's filters, no paging) as a CSV download, streamed row by row.
 * Adding an export is a column list and a filter in the application layer plus one of these.
 */
export const csvExportRoute = <Q extends Query = undefined>(
  readSide: ReadSide,
  { filename, ...spec }: CsvExportSpec<Q>,
  rows: (input: HandlerInput<undefined, Q, undefined>) => AsyncIterable<ExportRow>,
): RouteDefinition<undefined, Q, undefined> =>
  defineRoute<undefined, Q, undefined>({
    ...spec,
    method: 'get',
    responses: {
      200: {
        description: 'A header row, then one row per record (UTF-8 with a byte order mark, CRLF line ends)',
        contentType: 'text/csv',
        schema: z.string(),
        headers: { 'Content-Disposition': { description: `attachment; filename="${filename}"` } },
      },
    },
    handler: async (input) => {
      await awaitReadSide(readSide, input.context);
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
        stream: csvChunks(rows(input)),
      };
    },
  });
