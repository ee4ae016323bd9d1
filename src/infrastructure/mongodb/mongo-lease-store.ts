import type { Collection, MongoClient } from 'mongodb';
import type { Lease, LeaseStore } from '../../application/shared/ports/lease-store.port';
import { assertLeaseArguments } from '../store-kit/lease-rules';
import { isDuplicateKey, translateMongoError, withMongoErrors } from './mongo-errors';
import { acquireFilter, acquireUpdate, leaseOf, RELEASE_UPDATE, releaseFilter, type LeaseRecord } from './mongo-lease-query';

/**
 * Leases in the `leases` collection, one document per name, on the server's clock. Each acquire is a single atomic
 * findOneAndUpdate (an upsert), which answers who holds the lease afterwards: of concurrent requests one takes it
 * and the others see its holder. Writes wait for a majority, so a failover cannot roll back a grant and hand the
 * lease out twice.
 */
export class MongoLeaseStore implements LeaseStore {
  private readonly leases: Collection<LeaseRecord>;

  constructor(client: MongoClient, databaseName: string) {
    this.leases = client.db(databaseName).collection<LeaseRecord>('leases', { writeConcern: { w: 'majority' } });
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    assertLeaseArguments(name, holder, ttlMs);
    try {
      const record = await this.leases.findOneAndUpdate(acquireFilter(name), acquireUpdate(holder, ttlMs), {
        upsert: true,
        returnDocument: 'after',
      });
      return record?.holder === holder ? leaseOf(record) : null;
    } catch (error) {
      // Two first acquires raced to insert the lease and the other won (when the server does not retry the loser).
      if (isDuplicateKey(error)) return null;
      throw translateMongoError(error);
    }
  }

  async release(name: string, holder: string): Promise<void> {
    assertLeaseArguments(name, holder);
    await withMongoErrors(() => this.leases.updateOne(releaseFilter(name, holder), [...RELEASE_UPDATE]));
  }

  async list(): Promise<readonly Lease[]> {
    const records = await withMongoErrors(() => this.leases.find({}).sort({ _id: 1 }).toArray());
    return records.map(leaseOf);
  }
}
