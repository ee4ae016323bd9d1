/** A file's rows as the edge read them (CSV today): the header row, then data rows with their cells trimmed. */
export interface ImportTable {
  readonly header: readonly string[];
  readonly records: readonly ImportRecord[];
}

export interface ImportRecord {
  readonly cells: readonly string[];
  /** The file line the record ends on (1-based, the header is line 1): what an editor or spreadsheet shows. */
  readonly line: number;
}
