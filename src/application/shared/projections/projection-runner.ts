import { unavailable } from '../../../domain/shared/domain-error';
import type { ProjectionStatus, ProjectionWorker } from './projection-worker';

export const MAX_WAIT_MS = 10_000;

/** Starts every projection and lets queries wait until the read side has caught up to a position. */
export class ProjectionRunner {
  constructor(private readonly workers: readonly ProjectionWorker[]) {}

  async start(): Promise<void> {
    for (const worker of this.workers) await worker.prepare();
    for (const worker of this.workers) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  statuses(): ProjectionStatus[] {
    return this.workers.map((worker) => worker.status());
  }

  /** The position every projection has reached. */
  position(): number {
    return Math.min(...this.workers.map((worker) => worker.position));
  }

  /**
   * Resolves once every projection has processed `position`; fails with 503 `read_model.lagging`
   * after `timeoutMs` so a client never waits unbounded.
   */
  async waitFor(position: number, timeoutMs = MAX_WAIT_MS): Promise<void> {
    if (this.workers.length === 0 || this.position() >= position) return;
    await new Promise<void>((resolve, reject) => {
      const unsubscribe: Array<() => void> = [];
      const finish = (error?: Error) => {
        clearTimeout(timer);
        unsubscribe.forEach((off) => off());
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () =>
          finish(
            unavailable('read_model.lagging', `Read models have not reached position ${position} yet; retry shortly`, {
              requested: position,
              reached: this.position(),
            }),
          ),
        timeoutMs,
      );
      timer.unref();
      for (const worker of this.workers) {
        unsubscribe.push(worker.onProgress(() => this.position() >= position && finish()));
      }
    });
  }
}
