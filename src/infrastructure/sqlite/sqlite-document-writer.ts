import { Worker } from 'node:worker_threads';
import type { Checkpoint, DocumentChange } from '../../application/shared/ports/document-store.port';
import { unavailable } from '../../domain/shared/domain-error';
import type { CollectionWrites } from './sqlite-collection';
import { DOCUMENT_WRITER_SOURCE } from './sqlite-document-writer.source';

/**
 * A part of a commit as the writer thread takes it: parallel arrays of plain strings, cheap to copy between
 * threads. The parts of one commit share `id` and `checkpoint`; `from` is the index of the part's first change.
 */
interface WriterPart {
  readonly id: number;
  readonly from: number;
  readonly last: boolean;
  readonly checkpoint: Checkpoint | null;
  readonly writes: readonly CollectionWrites[];
  /** Per change, the index of its collection in `writes`. */
  readonly collectionOf: readonly number[];
  readonly ids: readonly string[];
  /** Per change, the document as JSON, or null to delete. */
  readonly docs: readonly (string | null)[];
}

/** Changes per part: the thread applies one part while the next is serialised. */
const PART_SIZE = 1_000;

/** How a commit failed on the thread: the SQLite error's code and message, and the index of the change. */
export interface WriterFailure {
  readonly code: string;
  readonly message: string;
  readonly at: number;
}

export class WriterCommitFailed extends Error {
  constructor(readonly failure: WriterFailure) {
    super(failure.message);
  }

  get code(): string {
    return this.failure.code;
  }
}

export interface DocumentWriterSettings {
  readonly filePath: string;
  readonly busyTimeoutMs: number;
  readonly checkpointSql: { readonly read: string; readonly write: string };
}

/** Changes [from, to) as a part; documents are serialised here, on the caller's thread. */
const toPart = (
  changes: readonly DocumentChange[],
  from: number,
  to: number,
  writesOf: (collection: string) => CollectionWrites,
): Pick<WriterPart, 'writes' | 'collectionOf' | 'ids' | 'docs'> => {
  const indexOf = new Map<string, number>();
  const writes: CollectionWrites[] = [];
  const collectionOf: number[] = [];
  const ids: string[] = [];
  const docs: (string | null)[] = [];
  for (let index = from; index < to; index++) {
    const change = changes[index] as DocumentChange;
    let collection = indexOf.get(change.collection);
    if (collection === undefined) {
      collection = writes.push(writesOf(change.collection)) - 1;
      indexOf.set(change.collection, collection);
    }
    collectionOf.push(collection);
    if (change.op === 'put') {
      ids.push(change.document.id);
      docs.push(JSON.stringify(change.document));
    } else {
      ids.push(change.id);
      docs.push(null);
    }
  }
  return { writes, collectionOf, ids, docs };
};

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A thread with its own connection that applies document commits in order, so a large commit (a rebuild's
 * or a catch-up's batch) runs beside the event loop instead of on it. Started on first use; it keeps the
 * process alive only while commits are in flight.
 * If the thread fails, pending commits are rejected and `available` turns false.
 */
export class SqliteDocumentWriter {
  private worker: Worker | null = null;
  private failed = false;
  private stopping: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  private whenDrained: Array<() => void> = [];

  constructor(private readonly settings: DocumentWriterSettings) {}

  get available(): boolean {
    return !this.failed && this.stopping === null;
  }

  /** Commits in flight. */
  get pending(): number {
    return this.waiting.size;
  }

  /**
   * Sends the commit in parts of PART_SIZE changes, all now: the thread starts on the first while the next ones
   * are serialised, and applies them all in one transaction. Resolves once that transaction committed.
   */
  commit(
    changes: readonly DocumentChange[],
    checkpoint: Checkpoint | undefined,
    writesOf: (collection: string) => CollectionWrites,
  ): Promise<void> {
    const worker = this.start();
    const id = this.nextId++;
    // Referenced while a commit is awaited, or a process with nothing else to do would exit before the answer.
    if (this.waiting.size === 0) worker.ref();
    const answered = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    for (let from = 0; from === 0 || from < changes.length; from += PART_SIZE) {
      const to = Math.min(changes.length, from + PART_SIZE);
      const part: WriterPart = { id, from, last: to === changes.length, checkpoint: checkpoint ?? null, ...toPart(changes, from, to, writesOf) };
      worker.postMessage(part);
    }
    return answered;
  }

  /** Resolves once no commit is in flight (each settled, either way). */
  drained(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenDrained.push(resolve));
  }

  /** Lets the commits in flight finish, then ends the thread. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.end();
    return this.stopping;
  }

  private async end(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.failed) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ stop: true });
    await exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { filePath, busyTimeoutMs, checkpointSql } = this.settings;
    const worker = new Worker(DOCUMENT_WRITER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: filePath, busyTimeoutMs, checkpointSql },
    });
    worker.unref();
    worker.on('message', (reply: { id: number; failure?: WriterFailure }) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.failure) waiter?.reject(new WriterCommitFailed(reply.failure));
      else waiter?.resolve();
      this.notifyIfDrained();
    });
    worker.once('error', (error) => this.fail(error));
    worker.once('exit', () => {
      if (this.stopping === null) this.fail(new Error('the document writer thread exited'));
    });
    this.worker = worker;
    return worker;
  }

  private fail(cause: unknown): void {
    this.failed = true;
    const error = unavailable('document_store.writer_failed', 'The read-model writer thread failed', {
      cause: cause instanceof Error ? cause.message : String(cause),
    });
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.notifyIfDrained();
  }

  private notifyIfDrained(): void {
    if (this.waiting.size > 0) return;
    this.worker?.unref();
    const resolvers = this.whenDrained;
    this.whenDrained = [];
    for (const resolve of resolvers) resolve();
  }
}
