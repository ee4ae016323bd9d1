import {
  acquireFilter,
  acquireUpdate,
  leaseOf,
  RELEASE_UPDATE,
  releaseFilter,
} from '../../../../src/infrastructure/mongodb/mongo-lease-query';

describe('Mongo lease commands', () => {
  it('finds the lease by name alone: MongoDB refuses $expr in an upsert filter', () => {
    expect(acquireFilter('projection:warranties-v1')).toEqual({ _id: 'projection:warranties-v1' });
  });

  it('takes a new, own or expired lease on the server clock, bumping the generation only for a new holder', () => {
    const taken = {
      $or: [
        { $eq: [{ $type: '$expiresAt' }, 'missing'] },
        { $eq: ['$holder', { $literal: 'node-a' }] },
        { $lte: ['$expiresAt', '$$NOW'] },
      ],
    };
    expect(acquireUpdate('node-a', 30_000)).toEqual([
      {
        $set: {
          generation: {
            $cond: [
              taken,
              { $cond: [{ $ne: ['$holder', { $literal: 'node-a' }] }, { $add: [{ $ifNull: ['$generation', 0] }, 1] }, '$generation'] },
              '$generation',
            ],
          },
          holder: { $cond: [taken, { $literal: 'node-a' }, '$holder'] },
          expiresAt: { $cond: [taken, { $add: ['$$NOW', 30_000] }, '$expiresAt'] },
        },
      },
    ]);
  });

  it('takes a holder that looks like a field path literally, everywhere', () => {
    const json = JSON.stringify(acquireUpdate('$owner', 1_000));
    const mentions = json.split('"$owner"').length - 1;
    expect(mentions).toBe(5);
    expect(json.split('{"$literal":"$owner"}').length - 1).toBe(mentions);
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
