import { unavailable } from '../../../domain/shared/domain-error';
import type { ProjectionStatus, ProjectionWorker } from './projection-worker';
import { WorkerLeases, type LeaseSettings } from './worker-leases';

export const MAX_WAIT_MS = 10_000;
/** How often a wait re-reads the stored checkpoints of projections that run on other instances. */
const REMOTE_POLL_MS = 25;

export interface ProjectionRunnerOptions {
  /** Several instances share the stores: run each projection only while holding its lease. */
  readonly leases?: LeaseSettings;
}

/**
 * Starts the projections (all of them, or with leases the ones this instance holds) and lets queries wait
 * until the read side has caught up to a position, wherever the projections run.
 */
export class ProjectionRunner {
  private leases: WorkerLeases | null = null;

  constructor(
    private readonly workers: readonly ProjectionWorker[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  async start(): Promise<void> {
    for (const worker of this.workers) await worker.prepare();
    if (this.options.leases) {
      this.leases = new WorkerLeases(this.workers, this.options.leases);
      await this.leases.start();
      return;
    }
    for (const worker of this.workers) worker.start();
  }

  async stop(): Promise<void> {
    if (this.leases) {
      await this.leases.stop();
      this.leases = null;
      return;
    }
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  statuses(): ProjectionStatus[] {
    return this.workers.map((worker) => worker.status());
  }

  /** The position every projection running here has reached. */
  position(): number {
    return Math.min(...this.workers.map((worker) => worker.position));
  }

  /**
   * Resolves once every projection covers `position`: those running here by their progress, the others by
   * their stored checkpoints. Fails with 503 `read_model.lagging` after `timeoutMs`, so no client waits unbounded,
   * and with 503 `read_model.wait_aborted` as soon as `signal` aborts (its owner is shutting down).
   */
  async waitFor(position: number, timeoutMs = MAX_WAIT_MS, signal?: AbortSignal): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const cleanup: Array<() => void> = [];
      let settled = false;
      let checking = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        cleanup.forEach((off) => off());
        if (error) reject(error);
        else resolve();
      };
      let again = false;
      const check = () => {
        if (settled) return;
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        this.covers(position).then(
          (covered) => {
            checking = false;
            if (covered) finish();
            else if (again) {
              again = false;
              check();
            }
          },
          (error: unknown) => finish(error),
        );
      };
      const timer = setTimeout(() => finish(this.lagging(position)), timeoutMs);
      timer.unref();
      cleanup.push(() => clearTimeout(timer));
      if (signal) {
        const aborted = () => finish(this.aborted(position));
        if (signal.aborted) return aborted();
        signal.addEventListener('abort', aborted, { once: true });
        cleanup.push(() => signal.removeEventListener('abort', aborted));
      }
      for (const worker of this.workers) cleanup.push(worker.onProgress(check));
      if (this.workers.some((worker) => !worker.running)) {
        const poll = setInterval(check, REMOTE_POLL_MS);
        poll.unref();
        cleanup.push(() => clearInterval(poll));
      }
      // Checked only once listening, so progress made meanwhile is not missed.
      check();
    });
  }

  private async covers(position: number): Promise<boolean> {
    for (const worker of this.workers) {
      const covered = worker.running ? worker.position >= position : await worker.coversElsewhere(position);
      if (!covered) return false;
    }
    return true;
  }

  private aborted(position: number) {
    return unavailable('read_model.wait_aborted', `Stopped waiting for read models to reach position ${position}`, {
      requested: position,
      reached: this.position(),
    });
  }

  private lagging(position: number) {
    return unavailable('read_model.lagging', `Read models have not reached position ${position} yet; retry shortly`, {
      requested: position,
      reached: this.position(),
    });
  }
}
