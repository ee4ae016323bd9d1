import type { EventFilter, RecordedEvent } from './event-store.port';

/** The one definition of EventFilter matching, shared by adapters filtering in memory and by projectors. Prefixes OR together, types OR together, and the two kinds AND together; an absent list matches all. */
export const matchesEventFilter = (event: RecordedEvent, filter: EventFilter | undefined): boolean => {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
};
