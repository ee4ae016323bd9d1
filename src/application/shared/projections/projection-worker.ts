import type { DocumentStore } from '../ports/document-store.port';
import type { EventStore, EventSubscription, RecordedEvent } from '../ports/event-store.port';
import type { Projection } from '../ports/projection.port';
import { matchesFilter } from './event-filter';
import { ProjectionViewBuffer } from './projection-view-buffer';

export interface ProjectionStatus {
  readonly name: string;
  readonly position: number;
  readonly running: boolean;
  readonly lastError: string | null;
}

const RETRY_DELAYS_MS = [100, 500, 2_000, 5_000];
/** How far the position may run ahead of the stored checkpoint through events the projection ignores. */
const CHECKPOINT_EVERY_IGNORED = 1_000;

/**
 * Runs one projection: subscribes after its checkpoint and stores each batch's read-model changes
 * together with the new checkpoint, so a crash never skips or repeats an event.
 * The subscription is unfiltered so the checkpoint advances past events the projection ignores,
 * which lets read-your-writes waits finish for any position.
 */
export class ProjectionWorker {
  private processed = 0;
  /** The checkpoint last stored; `processed` may be ahead of it by ignored events only. */
  private persisted = 0;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private lastError: string | null = null;
  private readonly listeners = new Set<(position: number) => void>();

  constructor(
    readonly projection: Projection,
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly batchSize = 1_000,
    private readonly onError: (error: unknown, projection: string) => void = () => undefined,
  ) {}

  get position(): number {
    return this.processed;
  }

  status(): ProjectionStatus {
    return { name: this.projection.name, position: this.processed, running: this.loop !== null, lastError: this.lastError };
  }

  onProgress(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async prepare(): Promise<void> {
    for (const spec of this.projection.collections) await this.documents.ensureCollection(spec);
    this.processed = this.persisted = (await this.documents.getCheckpoint(this.projection.name)) ?? 0;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runWithRetries().finally(() => (this.loop = null));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
    await this.persistPosition();
  }

  /** Empties the read model and its checkpoint; the next run replays from the first event. */
  async reset(): Promise<void> {
    await this.documents.reset(
      this.projection.collections.map((c) => c.name),
      this.projection.name,
    );
    this.processed = this.persisted = 0;
  }

  /** Applies history up to `until` without subscribing (rebuilds, tests). */
  async catchUp(until: number, onBatch?: (position: number) => void): Promise<void> {
    while (this.processed < until) {
      const batch = await this.events.readAll({ after: this.processed, maxCount: this.batchSize });
      if (batch.length === 0) break;
      await this.apply(batch);
      onBatch?.(this.processed);
    }
    await this.persistPosition();
  }

  /** Stores a position reached through ignored events only. */
  private async persistPosition(): Promise<void> {
    if (this.processed <= this.persisted) return;
    await this.documents.commit([], { name: this.projection.name, position: this.processed });
    this.persisted = this.processed;
  }

  private async runWithRetries(): Promise<void> {
    for (let failures = 0; !this.stopping; ) {
      try {
        await this.follow();
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.onError(error, this.projection.name);
        await delay(RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]!);
        this.processed = this.persisted = (await this.documents.getCheckpoint(this.projection.name)) ?? 0;
      }
    }
  }

  private async follow(): Promise<void> {
    this.subscription = this.events.subscribeToAll({ after: this.processed, batchSize: this.batchSize });
    for await (const batch of this.subscription) {
      if (this.stopping) break;
      await this.apply(batch);
      this.lastError = null;
    }
  }

  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const fresh = batch.filter((event) => event.position > this.processed);
    const last = fresh.at(-1);
    if (!last) return;
    const view = new ProjectionViewBuffer(this.documents);
    for (const event of fresh) {
      if (matchesFilter(this.projection.filter, event)) await this.projection.apply(event, view);
    }
    const changes = view.changes();
    // A batch that changes nothing only moves the checkpoint: persist that now and then, not on every batch
    // (replaying ignored events after a crash is harmless, and it spares a write transaction per append).
    if (changes.length > 0 || last.position - this.persisted >= CHECKPOINT_EVERY_IGNORED) {
      await this.documents.commit(changes, { name: this.projection.name, position: last.position });
      this.persisted = last.position;
    }
    this.processed = last.position;
    for (const listener of this.listeners) listener(this.processed);
  }
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });
