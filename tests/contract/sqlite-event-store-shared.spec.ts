import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { newEvent } from './support/event-fixtures';
import { tempSqliteFile } from './support/temp-sqlite-database';

/**
 * The contract as a shared EventStoreDB server runs it: one store for the whole suite, never emptied, so every
 * test meets the events of all tests before it, plus 50 foreign events written just before it starts. They use
 * the contract's own categories and types, untagged, so a read or filter that is not scoped to the test fails.
 */
const FOREIGN_STREAMS = ['order-1', 'order-2', 'orderline-1', 'ticket-1', 'ticket-2', 'meter-1', 'load', 'account', 'thing'];
const FOREIGN_TYPES = ['OrderPlaced', 'OrderAccepted', 'OrderCancelled', 'TicketOpened', 'MeterRegistered', 'ThingHappened'];
const FOREIGN_EVENTS_PER_TEST = 50;

const foreignStream = (index: number) => {
  const name = FOREIGN_STREAMS[index % FOREIGN_STREAMS.length] as string;
  return name.includes('-') ? name : `${name}-${randomUUID()}`;
};

const file = tempSqliteFile();
const database = file.open();
const store = new SqliteEventStore(database);

afterAll(async () => {
  await store.close();
  database.close();
  file.remove();
});

describeEventStoreContract('sqlite, shared with foreign events', async () => {
  await Promise.all(
    Array.from({ length: FOREIGN_EVENTS_PER_TEST }, (_, index) =>
      store.appendToStream(
        foreignStream(index),
        [newEvent(FOREIGN_TYPES[index % FOREIGN_TYPES.length], { foreign: index })],
        'any',
      ),
    ),
  );
  // The store outlives the test, like a shared server: nothing to clean up.
  return { store, cleanup: () => Promise.resolve(), fresh: false };
}, { storeWideEventIds: true });
