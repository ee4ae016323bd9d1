import { unavailable } from '../../../domain/shared/domain-error';
import type { DocumentStore } from '../ports/document-store.port';
import type { EventStore, EventSubscription, RecordedEvent } from '../ports/event-store.port';
import { followWithRetries, ProgressListeners } from '../projections/follow-loop';
import type { ExclusiveWorker } from '../projections/worker-leases';

export interface ReactorLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** What a reactor does with each stored event of the types it names; it must be safe to run twice for one event. */
export interface Reaction {
  readonly eventTypes: readonly string[];
  /**
   * `stopped` aborts when the reactor stops: a reaction that waits (for read models, say) should give up on it.
   * An event whose reaction did not finish is not checkpointed, so it runs again after the next start.
   */
  react(event: RecordedEvent, stopped: AbortSignal): Promise<void>;
}

/** How far the position may run ahead of the stored checkpoint through events the reaction ignores. */
const CHECKPOINT_EVERY_IGNORED = 1_000;
const DEFAULT_WAIT_MS = 10_000;

export interface EventReactorOptions {
  readonly batchSize?: number;
}

/**
 * Runs a reaction (side effects, process steps) on stored events. It follows the event store from its checkpoint
 * (kept in the document store under `name`, also its lease name) and checkpoints after each event it acted on, so a
 * restart replays little; what it replays the reaction must absorb (claims, idempotent commands). A store error
 * restarts it from its checkpoint after a pause.
 */
export class EventReactor implements ExclusiveWorker {
  private readonly batchSize: number;
  private processed = 0;
  private persisted = 0;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  /** Aborted by stop(), so a reaction in flight does not hold the shutdown up. */
  private stopped = new AbortController();
  private lastError: string | null = null;
  private readonly listeners = new ProgressListeners();

  constructor(
    readonly name: string,
    private readonly reaction: Reaction,
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    protected readonly log: ReactorLog,
    options: EventReactorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  get leaseName(): string {
    return this.name;
  }

  get running(): boolean {
    return this.loop !== null;
  }

  /** Every event at or below this position has been handled (or concerns no rule). */
  get position(): number {
    return this.processed;
  }

  status(): { readonly name: string; readonly position: number; readonly running: boolean; readonly lastError: string | null } {
    return { name: this.name, position: this.processed, running: this.running, lastError: this.lastError };
  }

  async begin(): Promise<void> {
    await this.loadCheckpoint();
    this.start();
  }

  end(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.stopped = new AbortController();
    this.loop = this.runWithRetries().finally(() => (this.loop = null));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.subscription?.close();
    await this.loop;
    await this.persist(this.processed);
  }

  onProgress(listener: (position: number) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Resolves once the reactor has handled every event up to `position`; fails after `timeoutMs`. */
  waitFor(position: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (this.processed >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(unavailable('reactor.lagging', `${this.name} has not reached position ${position}`, { reached: this.processed }));
      }, timeoutMs);
      timer.unref();
      const off = this.onProgress((reached) => {
        if (reached < position) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  private async loadCheckpoint(): Promise<void> {
    this.processed = this.persisted = (await this.documents.getCheckpoint(this.name)) ?? 0;
  }

  /**
   * Not fenced on the previous checkpoint, unlike a projection's: the claims keep sends single even when two
   * reactors overlap, and a commit behind the stored checkpoint writes nothing, so it only ever moves forward.
   */
  private async persist(position: number): Promise<void> {
    if (position <= this.persisted) return;
    await this.documents.commit([], { name: this.name, position });
    this.persisted = position;
  }

  private runWithRetries(): Promise<void> {
    return followWithRetries({
      follow: () => this.follow(),
      stopping: () => this.stopping,
      onFailure: (error) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.log.error({ err: error, reactor: this.name }, 'reactor failed; retrying from its checkpoint');
      },
      recover: () => this.loadCheckpoint().catch(() => undefined),
    });
  }

  private async follow(): Promise<void> {
    const subscription = this.events.subscribeToAll({
      after: this.processed,
      filter: { eventTypes: this.reaction.eventTypes },
      batchSize: this.batchSize,
      reportSkipped: true,
    });
    this.subscription = subscription;
    for await (const batch of subscription) {
      for (const event of batch) {
        if (this.stopping) return;
        if (event.position <= this.processed) continue;
        try {
          await this.reaction.react(event, this.stopped.signal);
        } catch (error) {
          // Cut short by stop(): not a failure; the event stays after the checkpoint and runs again next start.
          if (this.stopping) return;
          throw error;
        }
        await this.persist(event.position);
        this.advance(event.position);
      }
      if (this.stopping) return;
      const scanned = subscription.position;
      // Batches of ignored events only move the checkpoint now and then; replaying them after a crash is free.
      if (scanned - this.persisted >= CHECKPOINT_EVERY_IGNORED) await this.persist(scanned);
      this.advance(scanned);
      this.lastError = null;
    }
  }

  private advance(position: number): void {
    if (position <= this.processed) return;
    this.processed = position;
    this.listeners.notify(position);
  }
}
