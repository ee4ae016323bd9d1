import { invalid } from '../../domain/shared/domain-error';
import type { ImportTable } from '../shared/import-table';

export const MAX_IMPORT_ROWS = 10_000;
export const REQUIRED_IMPORT_COLUMNS = ['serial', 'model'] as const;
export const OPTIONAL_IMPORT_COLUMNS = ['batch'] as const;

/** One data row of an import file; a missing cell is an empty string. */
export interface SerialImportRow {
  /** 1-based, counting data rows only (the header is not a row). */
  readonly row: number;
  /** The file line the row ends on (the header is line 1). */
  readonly line: number;
  readonly serial: string;
  readonly model: string;
  readonly batch: string;
}

/**
 * The rows of a serial import: the header names at least `serial` and `model` (any order and case; `batch` is
 * optional, other columns are ignored), and at most MAX_IMPORT_ROWS rows follow. Otherwise the file is refused whole.
 */
export const serialImportRows = (table: ImportTable): SerialImportRow[] => {
  const names = table.header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw invalid(
      'serial_import.missing_columns',
      `The first row must name the columns ${REQUIRED_IMPORT_COLUMNS.join(' and ')} (missing: ${missing.join(', ')})`,
      { missing, required: REQUIRED_IMPORT_COLUMNS, optional: OPTIONAL_IMPORT_COLUMNS },
    );
  }
  if (table.records.length > MAX_IMPORT_ROWS) {
    throw invalid('serial_import.too_many_rows', `An import takes at most ${MAX_IMPORT_ROWS} rows; split the file`, {
      maxRows: MAX_IMPORT_ROWS,
      rows: table.records.length,
    });
  }
  const cell = (cells: readonly string[], column: string) => {
    const index = names.indexOf(column);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  return table.records.map(({ cells, line }, index) => ({
    row: index + 1,
    line,
    serial: cell(cells, 'serial'),
    model: cell(cells, 'model'),
    batch: cell(cells, 'batch'),
  }));
};
