import type { Db } from 'mongodb';
import type { RateLimiter } from '../../application/shared/ports/rate-limiter.port';
import type { SqliteDatabase } from '../sqlite/sqlite-database';
import { FlexibleRateLimiter } from './flexible-rate-limiter';
import type { LimiterFactory } from './limiter-factory';
import { MemoryLimiterFactory } from './memory-limiter-factory';
import { MongoLimiterFactory } from './mongo-limiter-factory';
import { SqliteLimiterFactory } from './sqlite-limiter-factory';

/** Where the counts live: the store that holds the read models (or this process's memory). */
export type RateLimitStore =
  | { readonly kind: 'sqlite'; readonly database: SqliteDatabase }
  | { readonly kind: 'mongodb'; readonly db: Db }
  | { readonly kind: 'memory' };

const factoryFor = (store: RateLimitStore): LimiterFactory => {
  switch (store.kind) {
    case 'sqlite':
      return new SqliteLimiterFactory(store.database);
    case 'mongodb':
      return new MongoLimiterFactory(store.db);
    case 'memory':
      return new MemoryLimiterFactory();
  }
};

export const createRateLimiter = (store: RateLimitStore): RateLimiter => new FlexibleRateLimiter(factoryFor(store));
