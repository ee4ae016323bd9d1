import type { CommandExecutor } from './command-executor';
import type { EventMetadataFactory } from './event-metadata.factory';
import type { Clock } from './ports/clock.port';
import type { EventStore } from './ports/event-store.port';
import type { IdGenerator } from './ports/id-generator.port';
import type { UniqueKeys } from './unique-keys';

/** What every command handler may use; bundled so handlers' constructors stay short. */
export interface CommandServices {
  readonly executor: CommandExecutor;
  readonly eventStore: EventStore;
  readonly metadata: EventMetadataFactory;
  readonly uniqueKeys: UniqueKeys;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Every command answers with the global position it wrote, for read-your-writes. */
export interface Positioned {
  readonly position: number;
}
