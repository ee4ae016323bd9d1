import {
  computeJobState,
  type JobId,
  type JobParameters,
  type JobRepository,
  type JobRepositoryOptions,
  type JobsOverview,
  type JobsQueryOptions,
  type JobsResult,
  type JobWithState,
  type RemoveJobsOptions,
  type UniqueOpts,
} from 'agenda';
import type { SqliteDatabase } from '../sqlite/sqlite-database';
import { CONTAINS_FUNCTION, containsIgnoringCase } from '../sqlite/sqlite-document-query';
import { SqliteStatementCache } from '../sqlite/sqlite-statement-cache';
import { firstDebounced, nextDebounced } from './job-debounce';
import { epochMs, fromJobRow, type JobRow, newJobId, overwriteJob, toJobRow } from './sqlite-job-row';
import { orderBy, queryWhere, selectorWhere, uniqueWhere } from './sqlite-job-query';
import { AGENDA_JOBS_SCHEMA } from './sqlite-job-schema';
import { type LockNextArguments, SqliteJobStatements } from './sqlite-job-statements';

/** SQLite's "no limit". */
const UNLIMITED = -1;

/**
 * agenda's job storage in the service's SQLite file (table `agenda_jobs`), with the semantics of agenda's Mongo
 * repository. Every write runs in an IMMEDIATE transaction: it takes the file's write lock before it reads, so
 * a check and the write that depends on it (a lock, an upsert) see no other process in between, and two
 * processes sharing the file can never lock the same job.
 */
export class SqliteJobRepository implements JobRepository {
  private prepared: SqliteJobStatements | null = null;
  private readonly queries: SqliteStatementCache;
  private readonly immediate: <T>(work: () => T) => T;
  private readonly inSnapshot: <T>(read: () => T) => T;

  constructor(private readonly database: SqliteDatabase) {
    const { connection } = database;
    this.queries = new SqliteStatementCache(connection);
    const transaction = connection.transaction((work: () => unknown) => work());
    this.immediate = <T>(work: () => T) => transaction.immediate(work) as T;
    this.inSnapshot = <T>(read: () => T) => transaction.deferred(read) as T;
  }

  /** Creates the table; idempotent. The database stays open: it belongs to the service. */
  async connect(): Promise<void> {
    if (this.prepared) return;
    const { connection } = this.database;
    connection.function(CONTAINS_FUNCTION, { deterministic: true }, containsIgnoringCase);
    connection.exec(AGENDA_JOBS_SCHEMA);
    this.prepared = new SqliteJobStatements(connection);
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const row = this.statements.byId.get(id);
    return row ? fromJobRow(row) : null;
  }

  async getDistinctJobNames(): Promise<string[]> {
    return this.statements.names.all().map((row) => row.name);
  }

  async getQueueSize(): Promise<number> {
    return this.statements.dueBefore.get(Date.now())?.count ?? 0;
  }

  async queryJobs(options: JobsQueryOptions = {}): Promise<JobsResult> {
    const { state, skip = 0, limit = 0 } = options;
    const now = new Date();
    const where = queryWhere(options);
    const from = `FROM agenda_jobs WHERE ${where.sql}`;
    const withState = (row: JobRow): JobWithState => {
      const job = fromJobRow(row) as JobParameters & { _id: JobId };
      return { ...job, state: computeJobState(job, now) };
    };
    if (!state) {
      // The state cannot exclude a job here, so the page is cut in SQL; page and total share one snapshot.
      const page = this.queries.prepare<JobRow>(`SELECT * ${from} ORDER BY ${orderBy(options.sort)} LIMIT ? OFFSET ?`);
      const count = this.queries.prepare<{ total: number }>(`SELECT COUNT(*) AS total ${from}`);
      return this.inSnapshot(() => ({
        jobs: page.all(...where.params, limit > 0 ? limit : UNLIMITED, Math.max(skip, 0)).map(withState),
        total: count.get(...where.params)?.total ?? 0,
      }));
    }
    const rows = this.queries.prepare<JobRow>(`SELECT * ${from} ORDER BY ${orderBy(options.sort)}`).all(...where.params);
    // 'paused' is the disabled flag, not a state computeJobState returns.
    const matching = rows.map(withState).filter((job) => (state === 'paused' ? job.disabled === true : job.state === state));
    return { jobs: matching.slice(skip, limit > 0 ? skip + limit : undefined), total: matching.length };
  }

  async getJobsOverview(): Promise<JobsOverview[]> {
    const now = new Date();
    const overviews = new Map<string, JobsOverview>();
    for (const row of this.statements.allByName.all()) {
      const job = fromJobRow(row);
      let overview = overviews.get(job.name);
      if (!overview) {
        overview = { name: job.name, total: 0, running: 0, scheduled: 0, queued: 0, completed: 0, failed: 0, repeating: 0, paused: 0 };
        overviews.set(job.name, overview);
      }
      overview.total += 1;
      overview[computeJobState(job, now)] += 1;
      if (job.disabled) overview.paused += 1;
    }
    return [...overviews.values()];
  }

  async saveJob<DATA = unknown>(job: JobParameters<DATA>, options: JobRepositoryOptions | undefined): Promise<JobParameters<DATA>> {
    const now = new Date();
    const { _id, unique, uniqueOpts, ...props } = job as JobParameters;
    const incoming: JobParameters = { ...props, lastModifiedBy: options?.lastModifiedBy };
    return this.write(() => {
      if (_id) return this.update(String(_id), incoming) ?? (job as JobParameters);
      if (incoming.type === 'single') return this.upsertSingle(incoming, now);
      if (unique) return this.upsertUnique(incoming, unique, uniqueOpts, now);
      return this.insert(incoming);
    }) as Promise<JobParameters<DATA>>;
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new Error('Cannot save job state without job ID');
    const id = String(job._id);
    await this.write(() => {
      const row = this.statements.byIdAndName.get(id, job.name);
      if (!row) {
        throw new Error(`job ${id} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`);
      }
      this.statements.replace.get(
        toJobRow(id, {
          ...fromJobRow(row),
          lockedAt: job.lockedAt,
          nextRunAt: job.nextRunAt ?? null,
          lastRunAt: job.lastRunAt,
          progress: job.progress,
          failReason: job.failReason,
          failCount: job.failCount,
          failedAt: job.failedAt,
          lastFinishedAt: job.lastFinishedAt,
          lastModifiedBy: options?.lastModifiedBy,
        }),
      );
    });
  }

  /** Locks `job` only if it is unlocked, enabled and still due when `job` says (not rescheduled meanwhile). */
  async lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    if (!job._id) return undefined;
    const id = String(job._id);
    const row = await this.write(() =>
      this.statements.lock.get({
        id,
        name: job.name,
        nextRunAt: epochMs(job.nextRunAt),
        lockedAt: Date.now(),
        lastModifiedBy: options?.lastModifiedBy ?? null,
      }),
    );
    return row ? fromJobRow(row) : undefined;
  }

  /** Locks the job of this name to run next: due before `nextScanAt`, or locked before `lockDeadline` (its runner died). */
  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const lockArguments: LockNextArguments = {
      name: jobName,
      nextScanAt: nextScanAt.getTime(),
      lockDeadline: lockDeadline.getTime(),
      lockedAt: (now ?? new Date()).getTime(),
      lastModifiedBy: options?.lastModifiedBy ?? null,
    };
    const row = await this.write(() => this.statements.lockNext.get(lockArguments));
    return row ? fromJobRow(row) : undefined;
  }

  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id) return;
    const id = String(job._id);
    await this.write(() => this.statements.unlockScheduled.run(id));
  }

  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    if (jobIds.length === 0) return;
    const ids = JSON.stringify(jobIds.map(String));
    await this.write(() => this.statements.unlockAll.run(ids));
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    return this.changeSelected(options, 'DELETE FROM agenda_jobs');
  }

  /** Counts only the jobs it changed, as Mongo's modifiedCount does. */
  async disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.changeSelected(options, 'UPDATE agenda_jobs SET disabled = 1', 'disabled = 0');
  }

  async enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.changeSelected(options, 'UPDATE agenda_jobs SET disabled = 0', 'disabled = 1');
  }

  async purgeAllJobs(): Promise<number> {
    return this.write(() => this.statements.purge.run().changes);
  }

  private get statements(): SqliteJobStatements {
    if (!this.prepared) throw new Error('SqliteJobRepository is not connected: call connect() first');
    return this.prepared;
  }

  /**
   * Runs `work` holding the write lock. A RESTART checkpoint of this process goes first (SqliteDatabase), so the
   * event loop does not sleep in SQLite's busy handler waiting for it.
   */
  private async write<T>(work: () => T): Promise<T> {
    if (this.database.checkpointWantsWriteLock) await this.database.yieldToCheckpoint();
    return this.immediate(work);
  }

  /** A selector that names no job changes nothing (agenda.purge() with no definitions must not wipe the table). */
  private async changeSelected(options: RemoveJobsOptions, change: string, unchanged?: string): Promise<number> {
    const where = selectorWhere(options);
    if (!where) return 0;
    const statement = this.queries.prepare(`${change} WHERE ${where.sql}${unchanged ? ` AND ${unchanged}` : ''}`);
    return this.write(() => statement.run(...where.params).changes);
  }

  private insert(job: JobParameters): JobParameters {
    return written(this.statements.insert.get(toJobRow(newJobId(), job)));
  }

  /** The job with `id` and the incoming name, overwritten; null when there is none (it was removed meanwhile). */
  private update(id: string, incoming: JobParameters): JobParameters | null {
    const row = this.statements.byIdAndName.get(id, incoming.name);
    return row ? this.replace(row, overwriteJob(fromJobRow(row), incoming)) : null;
  }

  /** One `single` job per name (agenda.every): a new schedule in the past leaves the stored one as it is. */
  private upsertSingle(incoming: JobParameters, now: Date): JobParameters {
    const row = this.statements.singleByName.get(incoming.name);
    if (!row) return this.insert(incoming);
    const stored = fromJobRow(row);
    const next = overwriteJob(stored, incoming);
    if (incoming.nextRunAt && incoming.nextRunAt <= now) next.nextRunAt = stored.nextRunAt;
    return this.replace(row, next);
  }

  private upsertUnique(
    incoming: JobParameters,
    unique: Readonly<Record<string, unknown>>,
    uniqueOpts: UniqueOpts | undefined,
    now: Date,
  ): JobParameters {
    const where = uniqueWhere(incoming.name, unique);
    const row = this.queries
      .prepare<JobRow>(`SELECT * FROM agenda_jobs WHERE ${where.sql} ORDER BY rowid LIMIT 1`)
      .get(...where.params);
    const debounce = uniqueOpts?.debounce;
    if (!row) return this.insert(debounce ? { ...incoming, ...firstDebounced(debounce, incoming.nextRunAt, now) } : incoming);
    const existing = fromJobRow(row);
    if (uniqueOpts?.insertOnly && !debounce) return existing;
    const next = overwriteJob(existing, incoming);
    return this.replace(row, debounce ? { ...next, ...nextDebounced(debounce, existing, now) } : next);
  }

  private replace(row: JobRow, job: JobParameters): JobParameters {
    return written(this.statements.replace.get(toJobRow(row.id, job)));
  }
}

/** The row an INSERT or UPDATE … RETURNING wrote; inside the write transaction it cannot be missing. */
const written = (row: JobRow | undefined): JobParameters => {
  if (!row) throw new Error('agenda_jobs: a write inside its transaction returned no row');
  return fromJobRow(row);
};
