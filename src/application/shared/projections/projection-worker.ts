import type { CommitOptions, DocumentChange, DocumentStore } from '../ports/document-store.port';
import type { EventStore, EventSubscription, RecordedEvent } from '../ports/event-store.port';
import type { Projection } from '../ports/projection.port';
import { matchesEventFilter } from '../ports/event-filter';
import { ProjectionViewBuffer } from './projection-view-buffer';
import { isCheckpointMoved } from './checkpoint-moved';
import { followWithRetries, ProgressListeners } from './follow-loop';
import type { ExclusiveWorker } from './worker-leases';

export interface ProjectionStatus {
  readonly name: string;
  readonly position: number;
  readonly running: boolean;
  readonly lastError: string | null;
}

/** How far the position may run ahead of the stored checkpoint through events the projection ignores. */
const CHECKPOINT_EVERY_IGNORED = 1_000;
/** Most events one read of a catch-up fetches. */
const CATCH_UP_PAGE = 500;

/**
 * Runs one projection: subscribes after its checkpoint and stores each batch's read-model changes
 * together with the new checkpoint, so a crash never skips or repeats an event.
 * The subscription is filtered (the store skips other events without decoding them) and reports how far it
 * scanned, so the position also advances past events the projection ignores: read-your-writes waits finish
 * for any position.
 */
export class ProjectionWorker implements ExclusiveWorker {
  private processed = 0;
  /** The checkpoint last stored; `processed` may be ahead of it by ignored events only. */
  private persisted = 0;
  /** The checkpoint as the store holds it (null: none yet): every commit is fenced on it. */
  private stored: number | null = null;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private lastError: string | null = null;
  private readonly listeners = new ProgressListeners();

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

  get running(): boolean {
    return this.loop !== null;
  }

  get leaseName(): string {
    return `projection:${this.projection.name}`;
  }

  async begin(): Promise<void> {
    await this.prepare();
    this.start();
  }

  end(): Promise<void> {
    return this.stop();
  }

  status(): ProjectionStatus {
    return { name: this.projection.name, position: this.processed, running: this.running, lastError: this.lastError };
  }

  /**
   * For a projection run by another instance: whether its stored read model covers `position`. It does when the
   * checkpoint has reached it, or when no event the projection consumes lies between the checkpoint and it
   * (the checkpoint trails through ignored events).
   */
  async coversElsewhere(position: number): Promise<boolean> {
    const stored = (await this.documents.getCheckpoint(this.projection.name)) ?? 0;
    if (stored >= position) return true;
    const [next] = await this.events.readAll({ after: stored, maxCount: 1, filter: this.projection.filter });
    return next === undefined || next.position > position;
  }

  onProgress(listener: (position: number) => void): () => void {
    return this.listeners.add(listener);
  }

  async prepare(): Promise<void> {
    for (const spec of this.projection.collections) await this.documents.ensureCollection(spec);
    await this.loadCheckpoint();
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
    // Fenced out means another worker has taken over; what this one skipped is theirs to store.
    await this.persistPosition().catch((error: unknown) => {
      if (!isCheckpointMoved(error)) throw error;
    });
  }

  /** Empties the read model and its checkpoint; the next run replays from the first event. */
  async reset(): Promise<void> {
    await this.documents.reset(
      this.projection.collections.map((c) => c.name),
      this.projection.name,
    );
    this.processed = this.persisted = 0;
    this.stored = null;
  }

  /**
   * Applies history up to `until` without subscribing (rebuilds, tests), committing every `batchSize` events.
   * Pipelined: each batch is read and applied while the commit of the one before is in flight (commits are
   * marked bulk, so a store may run them on another thread); its reads see that batch's writes. A commit is
   * made only once the one before has landed: one made earlier could land after that one failed, and its
   * checkpoint would then skip the failed batch. Events are read in smaller pages, so each page is garbage
   * before the next (a whole batch of events kept alive was most of a rebuild's GC work).
   */
  async catchUp(until: number, onBatch?: (position: number) => void): Promise<void> {
    const { filter } = this.projection;
    const pageSize = Math.min(this.batchSize, CATCH_UP_PAGE);
    let read = this.processed;
    let committing: { view: ProjectionViewBuffer; done: Promise<void> } | null = null;
    while (read < until) {
      const view: ProjectionViewBuffer = new ProjectionViewBuffer(this.documents, committing?.view);
      for (let events = 0; read < until && events < this.batchSize; ) {
        const page = await this.events.readAll({ after: read, maxCount: pageSize, filter });
        const last = page[page.length - 1]?.position ?? 0;
        await this.project(page, read, view);
        // A short page holds every matching event up to the head, and the head is at least `until`.
        read = page.length === pageSize ? last : Math.max(last, until);
        events += page.length;
      }
      const scanned = read;
      await committing?.done;
      const done = this.settle(view.changes(), scanned, { bulk: true }).then(() => onBatch?.(this.processed));
      // Awaited on the next turn of the loop; this only keeps a failure meanwhile from counting as unhandled.
      done.catch(() => undefined);
      committing = { view, done };
    }
    await committing?.done;
    await this.persistPosition();
  }

  /** Stores a position reached through ignored events only. */
  private async persistPosition(): Promise<void> {
    if (this.processed <= this.persisted) return;
    await this.commitAt([], this.processed);
  }

  private async loadCheckpoint(): Promise<void> {
    this.stored = await this.documents.getCheckpoint(this.projection.name);
    this.processed = this.persisted = this.stored ?? 0;
  }

  private async commitAt(changes: readonly DocumentChange[], position: number, options?: CommitOptions): Promise<void> {
    await this.documents.commit(changes, { name: this.projection.name, position, previous: this.stored }, options);
    this.stored = this.persisted = position;
  }

  private runWithRetries(): Promise<void> {
    return followWithRetries({
      follow: () => this.follow(),
      stopping: () => this.stopping,
      onFailure: (error) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.onError(error, this.projection.name);
      },
      recover: () => this.loadCheckpoint(),
    });
  }

  private async follow(): Promise<void> {
    const subscription = this.events.subscribeToAll({
      after: this.processed,
      filter: this.projection.filter,
      batchSize: this.batchSize,
      reportSkipped: true,
    });
    this.subscription = subscription;
    for await (const batch of subscription) {
      if (this.stopping) break;
      await this.apply(batch, subscription.position);
      this.lastError = null;
    }
  }

  /** Applies a batch and moves the position to `scanned`: every event up to it is in the batch or ignored. */
  private async apply(batch: readonly RecordedEvent[], scanned: number): Promise<void> {
    if (scanned <= this.processed) return;
    const view = new ProjectionViewBuffer(this.documents);
    await this.project(batch, this.processed, view);
    await this.settle(view.changes(), scanned);
  }

  /** Applies the batch's events after `after` and within the filter to `view`. */
  private async project(batch: readonly RecordedEvent[], after: number, view: ProjectionViewBuffer): Promise<void> {
    for (const event of batch) {
      if (event.position > after && matchesEventFilter(event, this.projection.filter)) await this.projection.apply(event, view);
    }
  }

  /** Commits `changes` with the checkpoint `scanned` and moves the position there. */
  private async settle(changes: readonly DocumentChange[], scanned: number, options?: CommitOptions): Promise<void> {
    // A batch that changes nothing only moves the checkpoint: persist that now and then, not on every batch
    // (replaying ignored events after a crash is harmless, and it spares a write transaction per append).
    if (changes.length > 0 || scanned - this.persisted >= CHECKPOINT_EVERY_IGNORED) {
      await this.commitAt(changes, scanned, options);
    }
    this.processed = scanned;
    this.listeners.notify(this.processed);
  }
}
