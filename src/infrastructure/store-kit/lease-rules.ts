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
