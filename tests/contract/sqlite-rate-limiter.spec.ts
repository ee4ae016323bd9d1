import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RateLimitRule } from '../../src/application/shared/ports/rate-limiter.port';
import { createRateLimiter } from '../../src/infrastructure/rate-limiting/create-rate-limiter';
import { SqliteDatabase } from '../../src/infrastructure/sqlite/sqlite-database';
import { describeRateLimiterContract } from './rate-limiter.contract';
import { perTestSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';
import { linesOf } from './support/child-lines';

// Two connections to one file, as two processes of the service would have.
describeRateLimiterContract('sqlite', async () => {
  const file = tempSqliteFile();
  const [first, second] = [file.open(), file.open()];
  return {
    limiters: [createRateLimiter({ kind: 'sqlite', database: first }), createRateLimiter({ kind: 'sqlite', database: second })],
    cleanup: async () => {
      first.close();
      second.close();
      file.remove();
    },
  };
});

const login: RateLimitRule = { name: 'login-account', points: 5, durationSeconds: 900 };

describe('SQLite rate limiter, beyond the contract', () => {
  const temp = perTestSqliteFile();

  it('counts from the first call, in table rate_limits of the service file', async () => {
    const database = temp.file.open();
    temp.closeLater(database);
    // No wait between construction and the first count: the library creates its table asynchronously.
    expect(await createRateLimiter({ kind: 'sqlite', database }).consume(login, 'alice')).toEqual({ allowed: true, remaining: 4 });
    expect(database.connection.prepare('SELECT key, points FROM rate_limits').all()).toEqual([{ key: 'login-account:alice', points: 1 }]);
  });

  it('throws once the file is closed, for a rule it counted before and for a new one', async () => {
    const database = temp.file.open();
    const limiter = createRateLimiter({ kind: 'sqlite', database });
    await limiter.consume(login, 'alice');
    database.close();
    await expect(limiter.consume(login, 'alice')).rejects.toThrow(/not open/);
    await expect(limiter.reset(login, 'alice')).rejects.toThrow(/not open/);
    await expect(limiter.consume({ ...login, name: 'login-ip' }, 'alice')).rejects.toThrow(/not open/);
  });

  it('reports a write lock held past the busy timeout as unavailable, and does not count the attempt', async () => {
    const database = new SqliteDatabase(temp.file.filePath, { busyTimeoutMs: 50 });
    const holder = temp.file.open();
    temp.closeLater(database, holder);
    const limiter = createRateLimiter({ kind: 'sqlite', database });
    await limiter.consume(login, 'alice');
    holder.connection.exec('BEGIN IMMEDIATE');
    await expect(limiter.consume(login, 'alice')).rejects.toMatchObject({ kind: 'unavailable', code: 'rate_limiter.busy' });
    await expect(limiter.reset(login, 'alice')).rejects.toMatchObject({ kind: 'unavailable', code: 'rate_limiter.busy' });
    holder.connection.exec('ROLLBACK');
    expect(await limiter.consume(login, 'alice')).toEqual({ allowed: true, remaining: 3 });
  });

  it('allows exactly `points` when processes sharing the file race for one key', async () => {
    const database = temp.file.open();
    temp.closeLater(database);
    const children = Array.from({ length: 3 }, () =>
      spawn(
        process.execPath,
        [path.join(__dirname, 'support', 'consume-rate-limit.child.js'), temp.file.filePath, 'race', '150', '100'],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      ),
    );
    const outputs = children.map(linesOf);
    await Promise.all(outputs.map((output) => output.next()));
    const startAt = Date.now() + 100;
    for (const child of children) child.stdin?.end(`${startAt}\n`);
    const allowedByChild = await Promise.all(outputs.map(async (output) => Number(await output.next())));

    expect(allowedByChild.reduce((sum, allowed) => sum + allowed, 0)).toBe(150);
    expect(database.connection.prepare('SELECT points FROM rate_limits WHERE key = ?').get('race:account-1')).toEqual({ points: 300 });
  }, 30_000);
});
