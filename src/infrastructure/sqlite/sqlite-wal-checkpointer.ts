import { Worker } from 'node:worker_threads';
import { CHECKPOINT_WORKER_SOURCE } from './sqlite-checkpoint-worker.source';

export interface CheckpointOptions {
  /** How often the checkpoint thread looks at the WAL. */
  readonly intervalMs?: number;
  /** A WAL of more frames than this gets a RESTART checkpoint, which briefly holds the writer back. */
  readonly restartFrames?: number;
  /** A WAL file larger than this is truncated once writes pause. */
  readonly truncateBytes?: number;
}

export const DEFAULT_CHECKPOINT_OPTIONS: Required<CheckpointOptions> = {
  intervalMs: 100,
  restartFrames: 16_384,
  truncateBytes: 16 * 2 ** 20,
};

/**
 * Runs WAL checkpoints on a worker thread with its own connection, so copying pages into the database file
 * and its two fsyncs never stall the event loop (SQLite's automatic checkpoint runs inside a commit).
 * The thread is unref'd and stops when asked, without a message: `stop()` flips a shared flag and wakes it.
 * A RESTART checkpoint (the WAL outgrew its bound) needs the write lock; `restarting` tells this process's writers
 * to let it have it, so that the event loop never sleeps in SQLite's busy handler waiting for it.
 * If the thread cannot run, `onUnavailable` is called so the owner can restore automatic checkpoints.
 */
export class SqliteWalCheckpointer {
  /** [0]: stop, set here; [1]: a RESTART checkpoint wants the write lock, set by the thread. */
  private readonly control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private stopped = false;

  constructor(filePath: string, onUnavailable: () => void, options: CheckpointOptions = {}) {
    try {
      const worker = new Worker(CHECKPOINT_WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver: require.resolve('better-sqlite3'),
          file: filePath,
          control: this.control.buffer,
          ...DEFAULT_CHECKPOINT_OPTIONS,
          ...options,
        },
      });
      worker.unref();
      worker.once('error', () => undefined);
      worker.once('exit', () => {
        if (!this.stopped) onUnavailable();
      });
    } catch {
      onUnavailable();
    }
  }

  /** True while the thread waits for the write lock or holds it: writers of this process should wait. */
  get restarting(): boolean {
    return Atomics.load(this.control, 1) === 1;
  }

  /** Ends the thread after its current checkpoint; it closes its own connection. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.control, 0, 1);
    Atomics.store(this.control, 1, 0);
    Atomics.notify(this.control, 0);
  }
}
