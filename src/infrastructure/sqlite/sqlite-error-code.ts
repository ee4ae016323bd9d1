/** Duck-typed: a SqliteError may come from another realm (test sandboxes), so instanceof is unreliable. */
export const sqliteErrorCode = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : '';
};

export const isSqliteBusy = (error: unknown): boolean => sqliteErrorCode(error).startsWith('SQLITE_BUSY');

export const isSqliteUniqueViolation = (error: unknown): boolean =>
  sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE';
