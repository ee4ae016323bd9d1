// Child process for the cross-process rate limit test: opens the SQLite file, says "ready", reads a start time
// (epoch ms) from stdin and waits for it, so that every child starts at once, then makes the attempts given and
// prints how many were allowed.
require('./register-typescript');

const { SqliteDatabase } = require('../../../src/infrastructure/sqlite/sqlite-database.ts');
const { createRateLimiter } = require('../../../src/infrastructure/rate-limiting/create-rate-limiter.ts');

const run = async () => {
  const [filePath, ruleName, points, attempts] = process.argv.slice(2);
  const database = new SqliteDatabase(filePath);
  const limiter = createRateLimiter({ kind: 'sqlite', database });
  const rule = { name: ruleName, points: Number(points), durationSeconds: 600 };
  // Makes the limiter (and the table) now, so that the children race on counting alone.
  await limiter.reset(rule, 'warm-up');
  process.stdout.write('ready\n');
  const startAt = Number(await new Promise((resolve) => process.stdin.once('data', (line) => resolve(String(line)))));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  let allowed = 0;
  for (let i = 0; i < Number(attempts); i++) {
    if ((await limiter.consume(rule, 'account-1')).allowed) allowed += 1;
  }
  database.close();
  process.stdout.write(`${allowed}\n`);
};
run().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
