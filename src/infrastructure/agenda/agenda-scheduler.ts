import { Agenda, backoffStrategies, type AgendaBackend, type Job, type JobWithState } from 'agenda';
import type { JobHandler, JobQuery, JobRetryPolicy, JobSummary, Scheduler } from '../../application/shared/ports/scheduler.port';

export interface AgendaSchedulerOptions {
  readonly backend: AgendaBackend;
  /** Names this instance in the job records (lastModifiedBy). */
  readonly instance: string;
  /** How often due jobs are looked for. */
  readonly pollMs: number;
  /**
   * How long a job stays locked to the instance running it; a job locked longer (its instance died) is run
   * again elsewhere. Kept short: agenda also keeps the process alive for it after stop().
   */
  readonly lockLifetimeMs: number;
  readonly onError?: (error: unknown, job: string) => void;
}

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

const toSummary = (job: JobWithState): JobSummary => ({
  id: String(job._id),
  name: job.name,
  state: job.state,
  data: job.data ?? null,
  nextRunAt: iso(job.nextRunAt),
  lastRunAt: iso(job.lastRunAt),
  lastFinishedAt: iso(job.lastFinishedAt),
  repeatEvery: job.repeatInterval ?? null,
  failCount: job.failCount ?? 0,
  lastError: job.failReason ?? null,
  failedAt: iso(job.failedAt),
});

/** The Scheduler port on agenda 6, with whichever backend the engines provide (MongoDB, or the SQLite file). */
export class AgendaScheduler implements Scheduler {
  private readonly agenda: Agenda;

  constructor(private readonly options: AgendaSchedulerOptions) {
    this.agenda = new Agenda({
      backend: options.backend,
      name: options.instance,
      processEvery: options.pollMs,
      defaultLockLifetime: options.lockLifetimeMs,
    });
    this.agenda.on('error', (error: unknown) => options.onError?.(error, 'agenda'));
  }

  define<Data>(name: string, handler: JobHandler<Data>, retry?: JobRetryPolicy): void {
    const run = async (job: Job<Data>) => {
      try {
        await handler(job.attrs.data, { jobId: String(job.attrs._id), attempt: (job.attrs.failCount ?? 0) + 1 });
      } catch (error) {
        this.options.onError?.(error, name);
        throw error;
      }
    };
    this.agenda.define<Data>(name, run, {
      lockLifetime: this.options.lockLifetimeMs,
      ...(retry ? { backoff: backoffStrategies.exponential({ delay: retry.firstDelayMs, factor: 2, maxRetries: retry.retries }) } : {}),
    });
  }

  async every(name: string, interval: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.agenda.every(interval, name, data);
  }

  async runAt(name: string, at: Date, data: Record<string, unknown>, uniqueBy?: readonly string[]): Promise<void> {
    const job = this.agenda.create(name, data).schedule(at);
    if (uniqueBy && uniqueBy.length > 0) {
      job.unique(Object.fromEntries(uniqueBy.map((field) => [`data.${field}`, data[field]])), { insertOnly: true });
    }
    await job.save();
  }

  async start(): Promise<void> {
    await this.agenda.start();
  }

  async stop(): Promise<void> {
    await this.agenda.stop();
  }

  async list(query: JobQuery): Promise<{ items: readonly JobSummary[]; total: number }> {
    const result = await this.agenda.queryJobs({
      ...(query.name ? { name: query.name } : {}),
      ...(query.state ? { state: query.state } : {}),
      sort: { nextRunAt: 'asc', name: 'asc' },
      skip: query.offset,
      limit: query.limit,
    });
    return { items: result.jobs.map(toSummary), total: result.total };
  }
}
