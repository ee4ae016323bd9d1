// Child process for the kill -9 test: appends one event at a time and prints each acknowledged position.
// TypeScript sources are compiled on require with swc, the same transformer jest uses.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

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
