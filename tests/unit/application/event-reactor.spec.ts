import { EventReactor, type Reaction, type ReactorLog } from '../../../src/application/shared/reactors/event-reactor';
import type { RecordedEvent } from '../../../src/application/shared/ports/event-store.port';
import { InMemoryDocumentStore } from '../../../src/infrastructure/memory/in-memory-document-store';
import { InMemoryEventStore } from '../../../src/infrastructure/memory/in-memory-event-store';
import { rawEvent } from './fixtures';

/** Generous: only reached if the code under test is broken; never asserted as a duration. */
const WAIT_MS = 4_000;

/**
 * Handles `Ticked` events; for a `Stuck` event it waits until its signal aborts, as the low-stock monitor waits for
 * read models that do not move.
 */
class StickyReaction implements Reaction {
  readonly eventTypes = ['Ticked', 'Stuck'];
  readonly handled: number[] = [];
  readonly started: number[] = [];
  readonly abortedAt: number[] = [];
  /** Resolves once a `Stuck` event has started waiting. */
  readonly waiting: Promise<void>;
  private markWaiting: () => void = () => undefined;

  constructor(private readonly unstick = false) {
    this.waiting = new Promise((resolve) => (this.markWaiting = resolve));
  }

  async react(event: RecordedEvent, stopped: AbortSignal): Promise<void> {
    this.started.push(event.position);
    if (event.type === 'Stuck' && !this.unstick) {
      await new Promise<void>((_resolve, reject) => {
        stopped.addEventListener('abort', () => {
          this.abortedAt.push(event.position);
          reject(new Error('stopped while waiting'));
        });
        this.markWaiting();
      });
    }
    this.handled.push(event.position);
  }
}

describe('EventReactor', () => {
  let events: InMemoryEventStore;
  let documents: InMemoryDocumentStore;
  let logged: string[];
  const log: ReactorLog = {
    warn: (_details, message) => logged.push(message),
    error: (_details, message) => logged.push(message),
  };

  beforeEach(() => {
    events = new InMemoryEventStore();
    documents = new InMemoryDocumentStore();
    logged = [];
  });

  afterEach(async () => {
    await events.close();
    await documents.close();
  });

  it('stops at once when a reaction is waiting, leaving that event to run again on the next start', async () => {
    const first = await events.appendToStream('thing-1', [rawEvent('Ticked')], 'any');
    const stuck = await events.appendToStream('thing-2', [rawEvent('Stuck')], 'any');
    const reaction = new StickyReaction();
    const reactor = new EventReactor('reactor:sticky', reaction, events, documents, log);
    await reactor.begin();
    await reaction.waiting;

    await reactor.stop();

    expect(reaction.abortedAt).toEqual([stuck.position]);
    expect(reaction.handled).toEqual([first.position]);
    expect(reactor.position).toBe(first.position);
    expect(await documents.getCheckpoint('reactor:sticky')).toBe(first.position);
    expect(logged).toEqual([]);

    const again = new StickyReaction(true);
    const restarted = new EventReactor('reactor:sticky', again, events, documents, log);
    await restarted.begin();
    await restarted.waitFor(stuck.position, WAIT_MS);
    await restarted.stop();

    expect(again.started).toEqual([stuck.position]);
    expect(await documents.getCheckpoint('reactor:sticky')).toBe(stuck.position);
  });

  it('hands each run a fresh signal: after stop and start it reacts again', async () => {
    const reaction = new StickyReaction(true);
    const reactor = new EventReactor('reactor:sticky', reaction, events, documents, log);
    await reactor.begin();
    await reactor.stop();

    reactor.start();
    const next = await events.appendToStream('thing-1', [rawEvent('Stuck')], 'any');
    await reactor.waitFor(next.position, WAIT_MS);
    await reactor.stop();

    expect(reaction.handled).toEqual([next.position]);
  });
});
