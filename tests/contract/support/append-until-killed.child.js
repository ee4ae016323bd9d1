// Child process for the kill -9 test: appends one event at a time and prints each acknowledged position.
require('./register-typescript');

const { SqliteDatabase } = require('../../../src/infrastructure/sqlite/sqlite-database.ts');
const { SqliteEventStore } = require('../../../src/infrastructure/sqlite/sqlite-event-store.ts');

const store = new SqliteEventStore(new SqliteDatabase(process.argv[2]));
const metadata = (eventId) => ({
  eventId,
  correlationId: eventId,
  causationId: null,
  actorId: null,
  actorRole: null,
  tenantId: null,
  clientIp: null,
  userAgent: null,
  occurredAt: new Date(0).toISOString(),
  schemaVersion: 1,
});

const run = async () => {
  for (let index = 0; ; index += 1) {
    const event = { type: 'Ticked', data: { index }, metadata: metadata(`${process.pid}-${index}`) };
    const result = await store.appendToStream('clock-1', [event], index === 0 ? 'no_stream' : index - 1);
    process.stdout.write(`${result.position}\n`);
  }
};
run().catch((error) => {
  process.stderr.write(String(error));
  process.exit(1);
});
