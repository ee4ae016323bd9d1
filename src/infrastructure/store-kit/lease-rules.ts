import type { Lease } from '../../application/shared/ports/lease-store.port';
import { invalid } from '../../domain/shared/domain-error';

/** The argument checks every LeaseStore adapter makes before touching its engine. */
export const assertLeaseArguments = (name: string, holder: string, ttlMs?: number): void => {
  if (typeof name !== 'string' || name.trim() === '') throw invalid('lease.invalid_name', 'A lease needs a non-blank name');
  if (typeof holder !== 'string' || holder.trim() === '') {
    throw invalid('lease.invalid_holder', 'A lease needs a non-blank holder');
  }
  if (ttlMs !== undefined && (!Number.isInteger(ttlMs) || ttlMs <= 0)) {
    throw invalid('lease.invalid_ttl', 'A lease ttl must be a positive whole number of milliseconds', { ttlMs });
  }
};

/**
 * The lease `holder` gets at `now`, given the one on record: a new one when none is recorded, the same generation
 * renewed for its holder, the next generation once it has expired; null while someone else holds it.
 */
export const nextLease = (current: Lease | undefined, name: string, holder: string, ttlMs: number, now: number): Lease | null => {
  if (current && current.holder !== holder && current.expiresAt > now) return null;
  const generation = !current ? 1 : current.holder === holder ? current.generation : current.generation + 1;
  return { name, holder, expiresAt: now + ttlMs, generation };
};
