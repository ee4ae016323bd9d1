/**
 * Scheduled and deferred work (reminders, expiry sweeps, summaries). Jobs are stored, so they survive restarts,
 * and each due job runs on one instance. A handler may run more than once for one job (a crash between its
 * effect and the job's completion, a retry): it must be idempotent, e.g. by issuing commands with an
 * idempotency key derived from the job.
 */
export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  readonly attempt: number;
}

export type JobHandler<Data> = (data: Data, context: JobContext) => Promise<void>;

export interface JobRetryPolicy {
  /** Retries after the first failure; then the job stays failed, its last error on record. */
  readonly retries: number;
  /** Wait before the first retry; each further one waits twice as long. */
  readonly firstDelayMs: number;
}

export type JobState = 'running' | 'scheduled' | 'queued' | 'completed' | 'failed' | 'repeating' | 'paused';

export interface JobSummary {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly data: unknown;
  readonly nextRunAt: string | null;
  readonly lastRunAt: string | null;
  readonly lastFinishedAt: string | null;
  readonly repeatEvery: string | number | null;
  readonly failCount: number;
  readonly lastError: string | null;
  readonly failedAt: string | null;
}

export interface JobQuery {
  readonly name?: string;
  readonly state?: JobState;
  readonly limit: number;
  readonly offset: number;
}

export interface Scheduler {
  define<Data>(name: string, handler: JobHandler<Data>, retry?: JobRetryPolicy): void;
  /** A recurring job: one record per name, however often this is called (every instance calls it at start). */
  every(name: string, interval: string, data?: Record<string, unknown>): Promise<void>;
  /** Runs once at `at`; with `uniqueBy`, a job of this name whose data matches those fields is not scheduled twice. */
  runAt(name: string, at: Date, data: Record<string, unknown>, uniqueBy?: readonly string[]): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  list(query: JobQuery): Promise<{ readonly items: readonly JobSummary[]; readonly total: number }>;
}
