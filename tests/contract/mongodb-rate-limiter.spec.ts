import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { RateLimitRule } from '../../src/application/shared/ports/rate-limiter.port';
import { connectMongo } from '../../src/infrastructure/mongodb/mongo-connection';
import { createRateLimiter } from '../../src/infrastructure/rate-limiting/create-rate-limiter';
import { describeOnEngine } from '../support/engines';
import { describeRateLimiterContract } from './rate-limiter.contract';

const login: RateLimitRule = { name: 'login-account', points: 5, durationSeconds: 900 };

// Runs against the replica set MONGODB_URL names, in a fresh database per test, dropped afterwards. The two
// limiters have a client each, as two instances of the service would.
describeOnEngine('mongodb', 'MongoDB rate limiter', (url) => {
  const freshDatabase = async () => {
    const [first, second] = await Promise.all([connectMongo(url), connectMongo(url)]);
    const databaseName = `opsledger_contract_${randomUUID().replaceAll('-', '')}`;
    return {
      first: first.db(databaseName),
      second: second.db(databaseName),
      cleanup: async () => {
        await first.db(databaseName).dropDatabase();
        await Promise.all([first.close(), second.close()]);
      },
    };
  };

  describeRateLimiterContract('mongodb', async () => {
    const { first, second, cleanup } = await freshDatabase();
    return {
      limiters: [createRateLimiter({ kind: 'mongodb', db: first }), createRateLimiter({ kind: 'mongodb', db: second })],
      cleanup,
    };
  });

  describe('MongoDB rate limiter, beyond the contract', () => {
    it('keeps counters in rate_limits, unique by key and removed by a TTL index once expired', async () => {
      const { first, cleanup } = await freshDatabase();
      try {
        await createRateLimiter({ kind: 'mongodb', db: first }).consume(login, 'alice');
        const indexes = await first.collection('rate_limits').indexes();
        expect(indexes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ key: { key: 1 }, unique: true }),
            expect.objectContaining({ key: { expire: -1 }, expireAfterSeconds: 0 }),
          ]),
        );
        expect(await first.collection('rate_limits').find({}, { projection: { _id: 0, key: 1, points: 1 } }).toArray()).toEqual([
          { key: 'login-account:alice', points: 1 },
        ]);
      } finally {
        await cleanup();
      }
    });
  });
});

// No server needed: nothing listens on port 1, so every operation fails server selection.
describe('MongoDB rate limiter without a reachable server', () => {
  it('fails with store.unavailable (a 503) instead of allowing or refusing', async () => {
    const client = new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 200 });
    try {
      const limiter = createRateLimiter({ kind: 'mongodb', db: client.db('opsledger_unreachable') });
      await expect(limiter.consume(login, 'alice')).rejects.toMatchObject({ kind: 'unavailable', code: 'store.unavailable' });
      await expect(limiter.reset(login, 'alice')).rejects.toMatchObject({ kind: 'unavailable', code: 'store.unavailable' });
    } finally {
      await client.close();
    }
  });
});
