import type { Decider } from '../../domain/shared/decider';
import { conflict } from '../../domain/shared/domain-error';
import type { DomainEvent } from '../../domain/shared/event';
import type { CommandContext } from './command-context';
import type { EventMetadataFactory } from './event-metadata.factory';
import type { EventStore, RecordedEvent } from './ports/event-store.port';
import { isWrongExpectedRevision } from './ports/wrong-expected-revision';
import { loadAggregate, toDomainEvent } from './load-aggregate';

export interface CommandResult<Event extends DomainEvent, State> {
  readonly streamId: string;
  /** The events this command produced (on an idempotent repeat: the ones it produced the first time). */
  readonly events: readonly Event[];
  readonly state: State;
  /** Revision of the stream's last event, or -1 if the stream does not exist. */
  readonly revision: number;
  /** Global position of the last event written; a query waiting for it sees this change. */
  readonly position: number;
  readonly replayed: boolean;
}

export interface ExecuteRequest<Command, Event extends DomainEvent, State> {
  /** Names the operation; scopes idempotency keys. */
  readonly operation: string;
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  /** The command, or a function of the current state that builds it (resolved data stays outside the domain). */
  readonly command: Command | ((state: State) => Command);
  readonly context: CommandContext;
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

/**
 * Writers that lost a race re-read at once and would collide again in step (group commit puts them in
 * the same transaction); a short random wait, growing with each attempt, spreads them out.
 */
const backOff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));

/**
 * The one command handler: read the stream, fold, decide, append with the expected revision.
 * A concurrent writer makes the append fail; then it reads again and re-decides, a bounded number of times.
 */
export class CommandExecutor {
  constructor(
    private readonly eventStore: EventStore,
    private readonly metadata: EventMetadataFactory,
    private readonly maxAttempts = 10,
  ) {}

  async execute<Command, Event extends DomainEvent, State>(
    request: ExecuteRequest<Command, Event, State>,
  ): Promise<CommandResult<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (error) {
        if (!isWrongExpectedRevision(error)) throw error;
        if (attempt >= this.maxAttempts) {
          throw conflict('command.concurrency_conflict', `Too many concurrent changes to ${request.streamId}; try again`, {
            streamId: request.streamId,
            attempts: attempt,
          });
        }
        await backOff(attempt);
      }
    }
  }

  /** The events a previous execution with the same idempotency key wrote, found by their derived ids. */
  private earlierExecution(
    request: Pick<ExecuteRequest<unknown, DomainEvent, unknown>, 'operation' | 'streamId' | 'context'>,
    recorded: readonly RecordedEvent[],
  ): RecordedEvent[] {
    const idOf = (index: number) =>
      this.metadata.idempotentEventId(request.operation, request.streamId, index, request.context);
    const firstId = idOf(0);
    const start = firstId === null ? -1 : recorded.findIndex((e) => e.metadata.eventId === firstId);
    if (start < 0) return [];
    const batch: RecordedEvent[] = [];
    for (let i = start; i < recorded.length && recorded[i]!.metadata.eventId === idOf(batch.length); i++) {
      batch.push(recorded[i]!);
    }
    return batch;
  }

  private async attempt<Command, Event extends DomainEvent, State>(
    request: ExecuteRequest<Command, Event, State>,
  ): Promise<CommandResult<Event, State>> {
    const { decider, streamId, context } = request;
    const { state, revision, recorded } = await loadAggregate(this.eventStore, decider, streamId);
    const lastPosition = recorded.at(-1)?.position ?? 0;

    const earlier = this.earlierExecution(request, recorded);
    if (earlier.length > 0) {
      const events = earlier.map((e) => toDomainEvent<Event>(e));
      return { streamId, events, state, revision, position: earlier.at(-1)!.position, replayed: true };
    }

    const command = isFunction(request.command) ? request.command(state) : request.command;
    const events = decider.decide(command, state);
    if (events.length === 0) {
      return { streamId, events: [], state, revision, position: lastPosition, replayed: false };
    }
    const envelopes = this.metadata.envelopes(request.operation, streamId, events, context);
    const appended = await this.eventStore.appendToStream(streamId, envelopes, revision < 0 ? 'no_stream' : revision);
    return {
      streamId,
      events,
      state: events.reduce(decider.evolve, state),
      revision: appended.nextRevision,
      position: appended.position,
      replayed: false,
    };
  }
}

