import type { Db } from 'mongodb';
import { RateLimiterMongo } from 'rate-limiter-flexible';
import type { RateLimitRule } from '../../application/shared/ports/rate-limiter.port';
import { translateMongoError } from '../mongodb/mongo-errors';
import { type Limiter, type LimiterFactory, limiterOptions } from './limiter-factory';

const MONGO_RATE_LIMIT_COLLECTION = 'rate_limits';

/**
 * Counts in the read models' MongoDB database (collection `rate_limits`). Each count is one `findOneAndUpdate`
 * upsert with `$inc`; the unique index on `key` is what stops two racing upserts from starting two counters, so
 * it is created, and awaited, before the first count. A TTL index on `expire` removes spent counters.
 */
export class MongoLimiterFactory implements LimiterFactory {
  private indexes: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  async create(rule: RateLimitRule): Promise<Limiter> {
    const limiter = new RateLimiterMongo({
      ...limiterOptions(rule),
      storeClient: this.db,
      tableName: MONGO_RATE_LIMIT_COLLECTION,
      // The library would create them in the background and only log a failure.
      disableIndexesCreation: true,
    });
    await this.indexesOn(limiter);
    return limiter;
  }

  translateError(error: unknown): unknown {
    return translateMongoError(error);
  }

  /** Every rule shares the collection, so its indexes are made once (again after a failure). */
  private indexesOn(limiter: RateLimiterMongo): Promise<void> {
    this.indexes ??= limiter.createIndexes().catch((error: unknown) => {
      this.indexes = null;
      throw error;
    });
    return this.indexes;
  }
}
