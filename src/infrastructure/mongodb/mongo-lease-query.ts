import type { Document as MongoDocument } from 'mongodb';
import type { Lease } from '../../application/shared/ports/lease-store.port';

/*
 * Lease commands that read the time on the server (`$$NOW`), never on the caller, so instances whose clocks
 * disagree still agree on who holds a lease and until when.
 */

export interface LeaseRecord {
  /** The lease name. */
  _id: string;
  holder: string;
  expiresAt: Date;
  generation: number;
}

const EXPIRED = { $expr: { $lte: ['$expiresAt', '$$NOW'] } };

/**
 * Matches the lease when `holder` may take it: held by `holder` already, or expired (released leases are expired).
 * When it does not match, the upsert inserts `_id: name`, which succeeds only for a lease never recorded and
 * otherwise fails with a duplicate key: someone else holds it.
 */
export const acquireFilter = (name: string, holder: string): MongoDocument => ({
  _id: name,
  $or: [{ holder }, EXPIRED],
});

/**
 * An update pipeline, so the expiry is computed from the server's clock. Every `$set` expression reads the lease
 * as it was, so the generation compares the old holder; it grows only when the lease changes hands (a new lease
 * starts at 1). The holder is a literal: a string starting with `$` would otherwise read as a field path.
 */
export const acquireUpdate = (holder: string, ttlMs: number): MongoDocument[] => [
  {
    $set: {
      generation: {
        $cond: [{ $eq: ['$holder', { $literal: holder }] }, '$generation', { $add: [{ $ifNull: ['$generation', 0] }, 1] }],
      },
      holder: { $literal: holder },
      expiresAt: { $add: ['$$NOW', ttlMs] },
    },
  },
];

export const releaseFilter = (name: string, holder: string): MongoDocument => ({ _id: name, holder });

/** Expires the lease now, keeping the record: its generation must keep growing for whoever takes it next. */
export const RELEASE_UPDATE: readonly MongoDocument[] = [{ $set: { expiresAt: { $min: ['$expiresAt', '$$NOW'] } } }];

export const leaseOf = (record: LeaseRecord): Lease => ({
  name: record._id,
  holder: record.holder,
  expiresAt: record.expiresAt.getTime(),
  generation: record.generation,
});
