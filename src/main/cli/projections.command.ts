import os from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import type { LeaseStore } from '../../application/shared/ports/lease-store.port';
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

const REBUILD_LEASE_MS = 120_000;

/**
 * Holds the projection's lease for the rebuild, renewing it as batches land, so no service instance runs the
 * projection meanwhile; refuses while an instance holds it.
 */
const underLease = async <T>(leases: LeaseStore, projection: Projection, work: (renew: () => void) => Promise<T>): Promise<T> => {
  const name = `projection:${projection.name}`;
  const holder = `cli-rebuild:${os.hostname()}:${process.pid}`;
  if (!(await leases.acquire(name, holder, REBUILD_LEASE_MS))) {
    const current = (await leases.list()).find((lease) => lease.name === name);
    throw new Error(
      `${projection.name} is running on instance ${current?.holder ?? 'another instance'}; stop it (or wait for its lease to expire) before rebuilding`,
    );
  }
  let renewedAt = Date.now();
  let renewal: Promise<unknown> = Promise.resolve();
  const renew = () => {
    if (Date.now() - renewedAt < REBUILD_LEASE_MS / 4) return;
    renewedAt = Date.now();
    renewal = renewal.then(() => leases.acquire(name, holder, REBUILD_LEASE_MS));
  };
  try {
    return await work(renew);
  } finally {
    await renewal.catch(() => undefined);
    await leases.release(name, holder);
  }
};

export const rebuildProjections = async (opsledger: Opsledger, target: string): Promise<void> => {
  const all = opsledger.container.get<readonly Projection[]>(TOKENS.projections);
  const chosen = target === 'all' ? all : all.filter((p) => p.name === target || p.name.startsWith(`${target}-`));
  if (chosen.length === 0) throw new Error(`No projection named ${target}; try "projections list"`);
  const documents = opsledger.container.get<DocumentStore>(TOKENS.documentStore);
  const leases = opsledger.container.get<LeaseStore>(TOKENS.leaseStore);
  for (const projection of chosen) {
    const bar = new SingleBar({ format: `${projection.name} [{bar}] {percentage}% | {value}/{total} | {eta}s left` }, Presets.shades_classic);
    bar.start(Math.max(await opsledger.eventStore.headPosition(), 1), 0);
    const started = process.hrtime.bigint();
    const head = await underLease(leases, projection, (renew) =>
      rebuildProjection(projection, opsledger.eventStore, documents, (position) => {
        bar.update(position);
        renew();
      }),
    );
    bar.update(Math.max(head, 1));
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`${projection.name}: rebuilt to position ${head} in ${seconds.toFixed(1)}s`);
  }
};
