import type { Document, DocumentStore } from '../../src/application/shared/ports/document-store.port';
import type { Projection } from '../../src/application/shared/ports/projection.port';
import type { Opsledger } from '../../src/main/opsledger';
import { TOKENS } from '../../src/main/tokens';

const ALL_DOCUMENTS = 1_000_000;

export interface Snapshot {
  readonly head: number;
  readonly collections: Record<string, readonly Document[]>;
  readonly checkpoints: Record<string, number | null>;
}

/** Every document of every read-model collection, plus each projection's checkpoint. */
export const snapshot = async (opsledger: Opsledger): Promise<Snapshot> => {
  const documents = opsledger.container.get<DocumentStore>(TOKENS.documentStore);
  const projections = opsledger.container.get<readonly Projection[]>(TOKENS.projections);
  const collections: Record<string, readonly Document[]> = {};
  const checkpoints: Record<string, number | null> = {};
  for (const projection of projections) {
    checkpoints[projection.name] = await documents.getCheckpoint(projection.name);
    for (const { name } of projection.collections) {
      const { items, total } = await documents.find<Document>(name, { limit: ALL_DOCUMENTS });
      if (items.length !== total) throw new Error(`${name}: read ${items.length} of ${total} documents`);
      collections[name] = items;
    }
  }
  return { head: await opsledger.eventStore.headPosition(), collections, checkpoints };
};
