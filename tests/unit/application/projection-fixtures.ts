import type { DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import type { EventStore, RecordedEvent } from '../../../src/application/shared/ports/event-store.port';
import type { Projection } from '../../../src/application/shared/ports/projection.port';
import { rawEvent } from './fixtures';

export const COUNTS = 'stream_counts';

export interface CountDocument {
  readonly id: string;
  readonly count: number;
  /** Every applied event's position, in order: doubles and gaps show up here. */
  readonly positions: number[];
  [field: string]: unknown;
}

/** Counts the events of each `counter-` stream; events of other streams are outside its filter. */
export const countingProjection = (hooks: { beforeApply?: (event: RecordedEvent) => void } = {}): Projection => ({
  name: 'stream-counts-v1',
  collections: [{ name: COUNTS, indexes: [] }],
  filter: { streamPrefixes: ['counter-'] },
  apply: async (event, view) => {
    hooks.beforeApply?.(event);
    const doc = await view.get<CountDocument>(COUNTS, event.streamId);
    view.put(COUNTS, { id: event.streamId, count: (doc?.count ?? 0) + 1, positions: [...(doc?.positions ?? []), event.position] });
  },
});

/** What the projection must hold: computed from the event store, independently of the worker. */
export const expectedCounts = async (events: EventStore): Promise<CountDocument[]> => {
  const byStream = new Map<string, number[]>();
  for (const e of await events.readAll({ filter: { streamPrefixes: ['counter-'] } })) {
    byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.position]);
  }
  return [...byStream.entries()]
    .map(([id, positions]) => ({ id, count: positions.length, positions }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
};

export const storedCounts = async (documents: DocumentStore) =>
  (await documents.find<CountDocument>(COUNTS, { limit: 10_000 })).items;

export const append = async (events: EventStore, streamId: string, count: number, type = 'Ticked') => {
  let last = 0;
  for (let i = 0; i < count; i++) last = (await events.appendToStream(streamId, [rawEvent(type, { i })], 'any')).position;
  return last;
};

