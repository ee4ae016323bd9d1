import { MongoClient } from 'mongodb';
import { connectMongo, describeTarget, mongoHealth, supportsTransactions } from '../../../../src/infrastructure/mongodb/mongo-connection';
import { EngineStartupError } from '../../../../src/infrastructure/store-kit/engine-connection';

/** Nothing listens on port 1, so connecting fails at once with ECONNREFUSED; no server is needed or faked. */
const CLOSED_PORT_URL = 'mongodb://opsledger:s3cr%40t-pw@127.0.0.1:1/opsledger?authSource=admin';
const FAST = { serverSelectionTimeoutMS: 200 };

const rejectionOf = (work: Promise<unknown>): Promise<Error> =>
  work.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: Error) => reason,
  );

describe('Mongo connection', () => {
  it('describes the target by scheme and hosts only', () => {
    const client = new MongoClient('mongodb://user:pw@db1.internal:27017,db2.internal/opsledger?replicaSet=rs0&tls=false');
    expect(describeTarget(client)).toBe('mongodb://db1.internal:27017,db2.internal:27017');
    const srv = new MongoClient('mongodb+srv://user:pw@cluster0.example.net/opsledger');
    expect(describeTarget(srv)).toBe('mongodb+srv://cluster0.example.net');
  });

  it('accepts replica sets and sharded clusters, not a standalone server', () => {
    expect(supportsTransactions({ isWritablePrimary: true, setName: 'rs0' })).toBe(true);
    expect(supportsTransactions({ isWritablePrimary: true, msg: 'isdbgrid' })).toBe(true);
    expect(supportsTransactions({ isWritablePrimary: true, maxWireVersion: 25 })).toBe(false);
  });

  it('refuses a URL that is not a MongoDB connection string, without echoing secrets', async () => {
    const invalid = await rejectionOf(connectMongo('postgres://u:topsecret@db/x'));
    expect(invalid).toBeInstanceOf(EngineStartupError);
    expect(invalid.message).toMatch(/^Not a valid MongoDB connection string: /);
    const unescaped = await rejectionOf(connectMongo('mongodb://u:top/secret@db/x'));
    expect(unescaped.message).toMatch(/^Not a valid MongoDB connection string: /);
    expect(unescaped.message).not.toContain('top/secret');
  });

  it('says which server is not reachable, and why, without credentials', async () => {
    const error = await rejectionOf(connectMongo(CLOSED_PORT_URL, FAST));
    expect(error).toBeInstanceOf(EngineStartupError);
    expect(error.message).toMatch(/^MongoDB at mongodb:\/\/127\.0\.0\.1:1 is not reachable: .*ECONNREFUSED/);
    expect(error.message).not.toMatch(/s3cr|opsledger:/);
  });

  it('reports an unreachable server as unhealthy', async () => {
    const client = new MongoClient(CLOSED_PORT_URL, { serverSelectionTimeoutMS: 5_000 });
    try {
      const health = await mongoHealth(client, 100);
      expect(health).toMatchObject({ engine: 'mongodb', ok: false });
      expect(health.detail).toEqual(expect.any(String));
    } finally {
      await client.close();
    }
  });
});
