import { CsvError, parse } from 'csv-parse/sync';
import type { ImportTable } from '../../../application/shared/import-table';
import { invalid } from '../../../domain/shared/domain-error';

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Reads an uploaded CSV file (UTF-8, a byte order mark tolerated, as Excel writes it) into a header and records.
 * Blank lines and rows of empty cells are skipped; rows may be shorter or longer than the header.
 */
export const parseCsvTable = (content: Buffer): ImportTable => {
  let parsed: ParsedRecord[];
  try {
    // `info: true` makes each record `{ record, info }`; the typings only describe plain arrays.
    parsed = parse(content, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalid('import.malformed_csv', `The file is not valid CSV: ${error.message}`, { reason: error.code });
  }
  const [header, ...records] = parsed;
  return {
    header: header?.record ?? [],
    records: records.map(({ record, info }) => ({ cells: record, line: info.lines })),
  };
};
