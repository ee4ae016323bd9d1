import { SingleBar, Presets } from 'cli-progress';
import type { EventStore } from '../../application/shared/ports/event-store.port';
import type { Projection } from '../../application/shared/ports/projection.port';
import type { DocumentStore } from '../../application/shared/ports/document-store.port';
import { ProjectionWorker } from '../../application/shared/projections/projection-worker';
import type { Opsledger } from '../opsledger';
import { TOKENS } from '../tokens';

export const listProjections = async (opsledger: Opsledger): Promise<void> => {
  const head = await opsledger.eventStore.headPosition();
  const documents = opsledger.container.get<DocumentStore>(TOKENS.documentStore);
  for (const projection of opsledger.container.get<readonly Projection[]>(TOKENS.projections)) {
    const checkpoint = (await documents.getCheckpoint(projection.name)) ?? 0;
    console.log(`${projection.name}\tposition ${checkpoint} of ${head}`);
  }
};

/** Empties a projection's read model and replays every event into it, showing progress. */
export const rebuildProjection = async (
  projection: Projection,
  events: EventStore,
  documents: DocumentStore,
  onProgress: (position: number, head: number) => void = () => undefined,
): Promise<number> => {
  const worker = new ProjectionWorker(projection, events, documents, 5_000);
  await worker.prepare();
  await worker.reset();
  const head = await events.headPosition();
  await worker.catchUp(head, (position) => onProgress(position, head));
  return head;
};

export const rebuildProjections = async (opsledger: Opsledger, target: string): Promise<void> => {
  const all = opsledger.container.get<readonly Projection[]>(TOKENS.projections);
  const chosen = target === 'all' ? all : all.filter((p) => p.name === target || p.name.startsWith(`${target}-`));
  if (chosen.length === 0) throw new Error(`No projection named ${target}; try "projections list"`);
  const documents = opsledger.container.get<DocumentStore>(TOKENS.documentStore);
  for (const projection of chosen) {
    const bar = new SingleBar({ format: `${projection.name} [{bar}] {percentage}% | {value}/{total} | {eta}s left` }, Presets.shades_classic);
    bar.start(Math.max(await opsledger.eventStore.headPosition(), 1), 0);
    const started = process.hrtime.bigint();
    const head = await rebuildProjection(projection, opsledger.eventStore, documents, (position) => bar.update(position));
    bar.update(Math.max(head, 1));
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`${projection.name}: rebuilt to position ${head} in ${seconds.toFixed(1)}s`);
  }
};
