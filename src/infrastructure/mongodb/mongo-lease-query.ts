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

/**
 * Whether `holder` may take the lease as it is: never recorded, held by `holder` already, or expired (released
 * leases are expired). Decided inside the update, because MongoDB refuses `$expr` in the filter of an upsert.
 */
const mayTake = (holder: string) => ({
  $or: [
    { $eq: [{ $type: '$expiresAt' }, 'missing'] },
    { $eq: ['$holder', { $literal: holder }] },
    { $lte: ['$expiresAt', '$$NOW'] },
  ],
});

/** The lease by name, recorded or not: the upsert inserts it the first time, and every acquire is one atomic update. */
export const acquireFilter = (name: string): MongoDocument => ({ _id: name });

/**
 * An update pipeline on the server's clock: when `holder` may take the lease it becomes the holder until `ttlMs`
 * from now, else every field keeps its value (a no-op) and the answer names the other holder. Every `$set`
 * expression reads the lease as it was, so the generation compares the old holder; it grows only when the lease
 * changes hands (a new lease starts at 1). The holder is a literal: a string starting with `$` would otherwise
 * read as a field path.
 */
export const acquireUpdate = (holder: string, ttlMs: number): MongoDocument[] => {
  const taken = mayTake(holder);
  const newHolder = { $ne: ['$holder', { $literal: holder }] };
  return [
    {
      $set: {
        generation: {
          $cond: [taken, { $cond: [newHolder, { $add: [{ $ifNull: ['$generation', 0] }, 1] }, '$generation'] }, '$generation'],
        },
        holder: { $cond: [taken, { $literal: holder }, '$holder'] },
        expiresAt: { $cond: [taken, { $add: ['$$NOW', ttlMs] }, '$expiresAt'] },
      },
    },
  ];
};

export const releaseFilter = (name: string, holder: string): MongoDocument => ({ _id: name, holder });

/** Expires the lease now, keeping the record: its generation must keep growing for whoever takes it next. */
export const RELEASE_UPDATE: readonly MongoDocument[] = [{ $set: { expiresAt: { $min: ['$expiresAt', '$$NOW'] } } }];

export const leaseOf = (record: LeaseRecord): Lease => ({
  name: record._id,
  holder: record.holder,
  expiresAt: record.expiresAt.getTime(),
  generation: record.generation,
});
