import type { EventFilter, RecordedEvent } from '../ports/event-store.port';

export const matchesFilter = (filter: EventFilter, event: RecordedEvent): boolean =>
  (!filter.eventTypes || filter.eventTypes.includes(event.type)) &&
  (!filter.streamPrefixes || filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));
