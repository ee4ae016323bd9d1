// Child process for the cross-process locking test: opens the SQLite file, says "ready", reads a start time
// (epoch ms) from stdin and waits for it, so that every child starts at once, then locks due jobs named "race"
// until none is left and prints their ids as one JSON line.
require('./register-typescript');

const { SqliteDatabase } = require('../../../src/infrastructure/sqlite/sqlite-database.ts');
const { SqliteJobRepository } = require('../../../src/infrastructure/agenda/sqlite-job-repository.ts');

const LOCK_LIFETIME_MS = 10 * 60_000;

const run = async () => {
  const database = new SqliteDatabase(process.argv[2]);
  const repository = new SqliteJobRepository(database);
  await repository.connect();
  process.stdout.write('ready\n');
  const startAt = Number(await new Promise((resolve) => process.stdin.once('data', (line) => resolve(String(line)))));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const locked = [];
  for (;;) {
    const now = Date.now();
    const job = await repository.getNextJobToRun('race', new Date(now + 5_000), new Date(now - LOCK_LIFETIME_MS), undefined, {
      lastModifiedBy: `child-${process.pid}`,
    });
    if (!job) break;
    locked.push(String(job._id));
  }
  database.close();
  process.stdout.write(`${JSON.stringify(locked)}\n`);
};
run().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
