/** Waits before the first, second, ... retry of a subscription that failed; the last delay repeats. */
const RETRY_DELAYS_MS = [100, 500, 2_000, 5_000];

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export interface FollowLoop {
  /** Follows the store until it ends (stopped) or throws. */
  readonly follow: () => Promise<void>;
  readonly stopping: () => boolean;
  /** Told each failure, before the pause. */
  readonly onFailure: (error: unknown) => void;
  /** After the pause: e.g. reload the checkpoint so the next follow resumes where the store says. */
  readonly recover: () => Promise<void>;
}

/**
 * Runs a projection's or a reactor's subscription until it is stopped: a failure is reported, waited out
 * (longer each time) and followed by a fresh subscription from the recovered checkpoint.
 */
export const followWithRetries = async ({ follow, stopping, onFailure, recover }: FollowLoop): Promise<void> => {
  for (let failures = 0; !stopping(); ) {
    try {
      await follow();
      return;
    } catch (error) {
      onFailure(error);
      await delay(RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]!);
      await recover();
    }
  }
};

/** Listeners of a worker's position, told each time it moves. */
export class ProgressListeners {
  private readonly listeners = new Set<(position: number) => void>();

  add(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(position: number): void {
    for (const listener of this.listeners) listener(position);
  }
}
