import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { warrantyProjection } from '../src/application/warranty/warranty.projection';
import { SqliteDatabase } from '../src/infrastructure/sqlite/sqlite-database';
import { SqliteDocumentStore } from '../src/infrastructure/sqlite/sqlite-document-store';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { rebuildProjection } from '../src/main/cli/projections.command';
import { measure, type Measured } from './bench-support';
import { sampleEvent } from './storage.bench';

const FILL_WAVE = 1_000;

/** (e) full rebuilds of the warranty read model from `total` WarrantyActivated events, `rounds` times over one store. */
export const projectionRebuilds = async (total: number, rounds: number, log: (line: string) => void): Promise<Measured[]> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-bench-rebuild-'));
  const database = new SqliteDatabase(path.join(dataDir, 'opsledger.sqlite'));
  const events = new SqliteEventStore(database, { maxGroupSize: FILL_WAVE });
  const documents = new SqliteDocumentStore(database);
  try {
    const fill = await measure('fill', total, async () => {
      for (let i = 0; i < total; i += FILL_WAVE) {
        await Promise.all(
          Array.from({ length: FILL_WAVE }, (_, k) => events.appendToStream(`warranty-S${i + k}`, [sampleEvent(i + k)], 'no_stream')),
        );
      }
    });
    log(`    filled ${total.toLocaleString('en-US')} events in ${fill.seconds.toFixed(1)} s`);
    const runs: Measured[] = [];
    for (let round = 0; round < rounds; round++) {
      let head = 0;
      runs.push(
        await measure('(e) projection rebuild', total, async () => {
          head = await rebuildProjection(warrantyProjection, events, documents);
        }),
      );
      const stored = await documents.find(warrantyProjection.collections[0]!.name, { limit: 1 });
      if (stored.total !== total || head !== total) throw new Error(`rebuild produced ${stored.total} documents for ${total} events`);
    }
    return runs;
  } finally {
    await events.close();
    await documents.close();
    database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
