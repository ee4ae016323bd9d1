import fs from 'node:fs/promises';

/**
 * Durability without blocking the event loop. The connection commits with synchronous=NORMAL (no fsync in
 * the commit); before an append is acknowledged, `flushed()` waits for an fdatasync of the WAL file that
 * started after that commit. The fdatasync runs on libuv's thread pool, and every commit made while one is
 * in flight is covered by the next: group commit, with durability equal to synchronous=FULL.
 * WAL recovery replays a prefix of commits, so a power loss can only drop unacknowledged appends.
 */
export class SqliteWalFlusher {
  private handle: fs.FileHandle | null = null;
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private running = false;
  private closed = false;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything committed before this call is on stable storage. */
  flushed(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) void this.run();
    });
  }

  async close(): Promise<void> {
    while (this.running) await this.flushed();
    this.closed = true;
    await this.handle?.close();
    this.handle = null;
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        if (this.closed) throw new Error('the event store is closed');
        this.handle ??= await fs.open(this.walPath, 'r');
        await this.handle.datasync();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.running = false;
  }
}
