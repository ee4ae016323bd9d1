import type { LeaseStore } from '../ports/lease-store.port';

/** A long-running consumer that must run on one instance at a time (a projection, a reactor). */
export interface ExclusiveWorker {
  /** Names the lease, e.g. `projection:warranties-v1`. */
  readonly leaseName: string;
  readonly running: boolean;
  /** Called once this instance holds the lease: catches up from the stored checkpoint and follows. */
  begin(): Promise<void>;
  /** Called when the lease is lost or given up. */
  end(): Promise<void>;
}

export interface LeaseSettings {
  readonly store: LeaseStore;
  /** This instance's name, unique among the instances sharing the stores. */
  readonly holder: string;
  readonly ttlMs: number;
  /** How often held leases are renewed and free ones sought; well under ttlMs. */
  readonly renewEveryMs: number;
  readonly onChange?: (leaseName: string, held: boolean) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs each worker only while this instance holds its lease: takes free or expired leases, renews held ones,
 * and stops a worker whose lease it could not renew (another instance may take it once it expires). Commits
 * are also fenced on the stored checkpoint, so a worker that runs on for a moment after losing its lease
 * cannot apply an event twice.
 */
export class WorkerLeases {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly workers: readonly ExclusiveWorker[],
    private readonly settings: LeaseSettings,
  ) {}

  /** Takes what it can at once, then keeps renewing in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    for (const worker of this.workers) {
      if (!worker.running) continue;
      await worker.end();
      await this.settings.store.release(worker.leaseName, this.settings.holder).catch(this.settings.onError);
      this.settings.onChange?.(worker.leaseName, false);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick().finally(() => this.schedule());
    }, this.settings.renewEveryMs);
    this.timer.unref();
  }

  private tick(): Promise<void> {
    this.ticking = (async () => {
      for (const worker of this.workers) {
        if (this.stopped) return;
        await this.settle(worker);
      }
    })();
    return this.ticking;
  }

  private async settle(worker: ExclusiveWorker): Promise<void> {
    const { store, holder, ttlMs } = this.settings;
    let held: boolean;
    try {
      held = (await store.acquire(worker.leaseName, holder, ttlMs)) !== null;
    } catch (error) {
      // Unable to renew: stop before the lease can lapse under a running worker.
      this.settings.onError?.(error);
      held = false;
    }
    try {
      if (held && !worker.running && !this.stopped) {
        await worker.begin();
        this.settings.onChange?.(worker.leaseName, true);
      } else if (!held && worker.running) {
        await worker.end();
        this.settings.onChange?.(worker.leaseName, false);
      }
    } catch (error) {
      this.settings.onError?.(error);
    }
  }
}
