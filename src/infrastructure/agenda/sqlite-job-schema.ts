/**
 * agenda's jobs in the service's SQLite file. The columns the scheduler filters and orders on are real
 * columns (times as epoch milliseconds); every other field of the job is in `doc` (JSON). Each field lives in
 * one place only, so a lock, which writes `locked_at`, can never disagree with the document.
 * The partial unique index makes `single` jobs (agenda.every) one per name even if two processes race.
 */
export const AGENDA_JOBS_SCHEMA = `
CREATE TABLE IF NOT EXISTS agenda_jobs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  priority INTEGER NOT NULL,
  next_run_at INTEGER,
  locked_at INTEGER,
  disabled INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS agenda_jobs_next_to_run ON agenda_jobs (name, next_run_at, priority DESC);
CREATE INDEX IF NOT EXISTS agenda_jobs_next_run_at ON agenda_jobs (next_run_at);
CREATE INDEX IF NOT EXISTS agenda_jobs_locked_at ON agenda_jobs (locked_at) WHERE locked_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS agenda_jobs_disabled ON agenda_jobs (disabled) WHERE disabled = 1;
CREATE UNIQUE INDEX IF NOT EXISTS agenda_jobs_single ON agenda_jobs (name) WHERE type = 'single';
`;
