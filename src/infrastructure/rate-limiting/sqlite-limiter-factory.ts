import { RateLimiterSQLite } from 'rate-limiter-flexible';
import type { RateLimitRule } from '../../application/shared/ports/rate-limiter.port';
import { unavailable } from '../../domain/shared/domain-error';
import type { SqliteDatabase } from '../sqlite/sqlite-database';
import { isSqliteBusy } from '../sqlite/sqlite-error-code';
import { type Limiter, type LimiterFactory, limiterOptions } from './limiter-factory';

const SQLITE_RATE_LIMIT_TABLE = 'rate_limits';

/**
 * Counts in the service's SQLite file (table `rate_limits`), on the connection SqliteDatabase holds, so every
 * process sharing the file shares them. Each count is the library's single `INSERT ... ON CONFLICT DO UPDATE
 * ... RETURNING` statement, which SQLite runs under the file's write lock: atomic across processes
 * (docs/adr/0015-rate-limiting.md).
 */
export class SqliteLimiterFactory implements LimiterFactory {
  constructor(private readonly database: SqliteDatabase) {}

  async create(rule: RateLimitRule): Promise<Limiter> {
    // The library creates its table from a promise chain it starts in the constructor and refuses to count
    // ("Table is not created yet") until that settles; its callback reports the outcome.
    let limiter!: RateLimiterSQLite;
    await new Promise<void>((resolve, reject) => {
      limiter = new RateLimiterSQLite(
        {
          ...limiterOptions(rule),
          storeClient: this.database.connection,
          storeType: 'better-sqlite3',
          tableName: SQLITE_RATE_LIMIT_TABLE,
          // Its purge timer would outlive the connection and has no error handler; see the ADR.
          clearExpiredByTimeout: false,
        },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return limiter;
  }

  async beforeWrite(): Promise<void> {
    if (this.database.checkpointWantsWriteLock) await this.database.yieldToCheckpoint();
  }

  translateError(error: unknown): unknown {
    return isSqliteBusy(error) ? unavailable('rate_limiter.busy', 'The rate limit counters are locked by another writer') : error;
  }
}
