import {
  acquireFilter,
  acquireUpdate,
  leaseOf,
  RELEASE_UPDATE,
  releaseFilter,
} from '../../../../src/infrastructure/mongodb/mongo-lease-query';

describe('Mongo lease commands', () => {
  it('matches a lease held by the caller or expired on the server clock', () => {
    expect(acquireFilter('projection:warranties-v1', 'node-a')).toEqual({
      _id: 'projection:warranties-v1',
      $or: [{ holder: 'node-a' }, { $expr: { $lte: ['$expiresAt', '$$NOW'] } }],
    });
  });

  it('keeps the generation for the same holder, bumps it for a new one, and starts a new lease at 1', () => {
    expect(acquireUpdate('node-a', 30_000)).toEqual([
      {
        $set: {
          generation: {
            $cond: [{ $eq: ['$holder', { $literal: 'node-a' }] }, '$generation', { $add: [{ $ifNull: ['$generation', 0] }, 1] }],
          },
          holder: { $literal: 'node-a' },
          expiresAt: { $add: ['$$NOW', 30_000] },
        },
      },
    ]);
  });

  it('takes a holder that looks like a field path literally', () => {
    const [stage] = acquireUpdate('$generation', 1_000);
    expect(stage?.$set.holder).toEqual({ $literal: '$generation' });
    expect(acquireFilter('lease', '$generation').$or[0]).toEqual({ holder: '$generation' });
  });

  it('releases only the holder’s lease, by expiring it now and keeping the record', () => {
    expect(releaseFilter('projection:warranties-v1', 'node-a')).toEqual({ _id: 'projection:warranties-v1', holder: 'node-a' });
    expect(RELEASE_UPDATE).toEqual([{ $set: { expiresAt: { $min: ['$expiresAt', '$$NOW'] } } }]);
  });

  it('answers a record as a lease with the expiry in epoch milliseconds', () => {
    const expiresAt = new Date('2025-03-14T09:27:23.000Z');
    expect(leaseOf({ _id: 'projection:warranties-v1', holder: 'node-a', expiresAt, generation: 3 })).toEqual({
      name: 'projection:warranties-v1',
      holder: 'node-a',
      expiresAt: expiresAt.getTime(),
      generation: 3,
    });
  });
});
