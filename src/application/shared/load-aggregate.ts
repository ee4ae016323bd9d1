import type { Decider } from '../../domain/shared/decider';
import type { DomainEvent } from '../../domain/shared/event';
import type { EventStore, RecordedEvent } from './ports/event-store.port';

export interface LoadedAggregate<State> {
  readonly state: State;
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
  readonly recorded: readonly RecordedEvent[];
}

export const toDomainEvent = <Event extends DomainEvent>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as Event;

/** Reads a stream and folds it with the decider's evolve. */
export const loadAggregate = async <Event extends DomainEvent, State>(
  eventStore: EventStore,
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  streamId: string,
): Promise<LoadedAggregate<State>> => {
  const recorded = await eventStore.readStream(streamId);
  const state = recorded.reduce((s, e) => decider.evolve(s, toDomainEvent<Event>(e)), decider.initialState);
  return { state, revision: recorded.length - 1, recorded };
};
