import type { AppendResult } from '../../application/shared/ports/event-store.port';
import type { AppendOutcome, PendingAppend, SqliteEventWriter } from './sqlite-event-writer';

interface QueuedAppend extends PendingAppend {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export const DEFAULT_MAX_GROUP_SIZE = 500;

/** How the batcher learns that a checkpoint wants the write lock, and for how long it lets it go first. */
export interface CheckpointYield {
  readonly wanted: () => boolean;
  readonly maxMs: number;
}

/**
 * Group commit: appends that arrive while the event loop is busy are queued and written together on the
 * next turn, in one transaction. Each promise settles only after its group's commit is durable.
 */
export class SqliteAppendBatcher {
  private queue: QueuedAppend[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private retry: NodeJS.Timeout | null = null;
  private yieldingSince: number | null = null;

  constructor(
    private readonly writer: SqliteEventWriter,
    /** Resolves once the group's commit is on stable storage. */
    private readonly durable: () => Promise<void>,
    private readonly onCommitted: () => void,
    private readonly maxGroupSize = DEFAULT_MAX_GROUP_SIZE,
    private readonly checkpoint: CheckpointYield = { wanted: () => false, maxMs: 0 },
  ) {}

  enqueue(append: PendingAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      if (!this.retry) this.scheduled ??= setImmediate(() => this.flushGroup());
    });
  }

  /** Writes everything still queued, now. */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    if (this.retry) clearTimeout(this.retry);
    this.scheduled = this.retry = null;
    while (this.queue.length > 0) this.writeGroup();
  }

  private flushGroup(): void {
    this.scheduled = this.retry = null;
    if (this.yieldToCheckpoint()) return;
    this.writeGroup();
    // Later groups go on a later turn, so reads and I/O callbacks are not starved by a long queue.
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushGroup());
  }

  /** While a checkpoint wants the write lock (for at most `maxMs`), try again in a millisecond instead of writing. */
  private yieldToCheckpoint(): boolean {
    if (!this.checkpoint.wanted()) {
      this.yieldingSince = null;
      return false;
    }
    const now = Date.now();
    this.yieldingSince ??= now;
    if (now - this.yieldingSince >= this.checkpoint.maxMs) return false;
    this.retry = setTimeout(() => this.flushGroup(), 1);
    return true;
  }

  private writeGroup(): void {
    const group = this.queue.splice(0, this.maxGroupSize);
    if (group.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writer.write(group);
    } catch (error) {
      for (const append of group) append.reject(error);
      return;
    }
    // Acknowledge (and wake subscribers) only once the commit is durable.
    this.durable().then(
      () => {
        group.forEach((append, index) => {
          const outcome = outcomes[index] as AppendOutcome;
          if (outcome.ok) append.resolve(outcome.result);
          else append.reject(outcome.error);
        });
        if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
      },
      (error: unknown) => {
        for (const append of group) append.reject(error);
      },
    );
  }
}
