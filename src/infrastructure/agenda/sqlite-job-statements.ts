import type Database from 'better-sqlite3';
import type { JobRow } from './sqlite-job-row';

export interface LockArguments {
  readonly id: string;
  readonly name: string;
  readonly nextRunAt: number | null;
  readonly lockedAt: number;
  readonly lastModifiedBy: string | null;
}

export interface LockNextArguments {
  readonly name: string;
  readonly nextScanAt: number;
  readonly lockDeadline: number;
  readonly lockedAt: number;
  readonly lastModifiedBy: string | null;
}

const COLUMNS = 'id, name, type, priority, next_run_at, locked_at, disabled, doc';
const VALUES = '@id, @name, @type, @priority, @next_run_at, @locked_at, @disabled, @doc';

/** json_patch drops a key patched with null, as Mongo's repository leaves lastModifiedBy null without one. */
const STAMP_LOCK = "locked_at = @lockedAt, doc = json_patch(doc, json_object('lastModifiedBy', @lastModifiedBy))";

/** Ties on next run and priority go to the older job; NULL next runs (stale locks of running jobs) come first. */
const NEXT_TO_RUN = `
  SELECT id FROM agenda_jobs
  WHERE name = @name AND disabled = 0
    AND ((locked_at IS NULL AND next_run_at <= @nextScanAt) OR locked_at <= @lockDeadline)
  ORDER BY next_run_at ASC, priority DESC, rowid ASC
  LIMIT 1`;

/** The fixed statements of SqliteJobRepository, prepared once the table exists. */
export class SqliteJobStatements {
  readonly insert: Database.Statement<[JobRow], JobRow>;
  readonly replace: Database.Statement<[JobRow], JobRow>;
  readonly byId: Database.Statement<[string], JobRow>;
  readonly byIdAndName: Database.Statement<[string, string], JobRow>;
  readonly singleByName: Database.Statement<[string], JobRow>;
  readonly lock: Database.Statement<[LockArguments], JobRow>;
  readonly lockNext: Database.Statement<[LockNextArguments], JobRow>;
  readonly unlockScheduled: Database.Statement<[string]>;
  readonly unlockAll: Database.Statement<[string]>;
  readonly names: Database.Statement<[], { name: string }>;
  readonly allByName: Database.Statement<[], JobRow>;
  readonly dueBefore: Database.Statement<[number], { count: number }>;
  readonly purge: Database.Statement<[]>;

  constructor(connection: Database.Database) {
    this.insert = connection.prepare(`INSERT INTO agenda_jobs (${COLUMNS}) VALUES (${VALUES}) RETURNING *`);
    this.replace = connection.prepare(
      `UPDATE agenda_jobs SET (${COLUMNS}) = (${VALUES}) WHERE id = @id RETURNING *`,
    );
    this.byId = connection.prepare('SELECT * FROM agenda_jobs WHERE id = ?');
    this.byIdAndName = connection.prepare('SELECT * FROM agenda_jobs WHERE id = ? AND name = ?');
    this.singleByName = connection.prepare("SELECT * FROM agenda_jobs WHERE name = ? AND type = 'single'");
    this.lock = connection.prepare(
      `UPDATE agenda_jobs SET ${STAMP_LOCK}
       WHERE id = @id AND name = @name AND locked_at IS NULL AND next_run_at IS @nextRunAt AND disabled = 0
       RETURNING *`,
    );
    this.lockNext = connection.prepare(`UPDATE agenda_jobs SET ${STAMP_LOCK} WHERE id = (${NEXT_TO_RUN}) RETURNING *`);
    // A job whose next run is NULL is running its last run: only stop() (unlockAll) may free it.
    this.unlockScheduled = connection.prepare(
      'UPDATE agenda_jobs SET locked_at = NULL WHERE id = ? AND next_run_at IS NOT NULL',
    );
    this.unlockAll = connection.prepare('UPDATE agenda_jobs SET locked_at = NULL WHERE id IN (SELECT value FROM json_each(?))');
    this.names = connection.prepare('SELECT DISTINCT name FROM agenda_jobs ORDER BY name');
    this.allByName = connection.prepare('SELECT * FROM agenda_jobs ORDER BY name, rowid');
    this.dueBefore = connection.prepare('SELECT COUNT(*) AS count FROM agenda_jobs WHERE next_run_at < ?');
    this.purge = connection.prepare('DELETE FROM agenda_jobs');
  }
}
