import type { Lease, LeaseStore } from '../../application/shared/ports/lease-store.port';
import { assertLeaseArguments, nextLease } from '../store-kit/lease-rules';

/** Leases in process memory, for tests and single-process runs, with the durable adapters' rules. */
export class InMemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, Lease>();

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    assertLeaseArguments(name, holder, ttlMs);
    const lease = nextLease(this.leases.get(name), name, holder, ttlMs, Date.now());
    if (lease) this.leases.set(name, lease);
    return lease;
  }

  async release(name: string, holder: string): Promise<void> {
    assertLeaseArguments(name, holder);
    const current = this.leases.get(name);
    if (current?.holder === holder) this.leases.set(name, { ...current, expiresAt: Date.now() - 1 });
  }

  async list(): Promise<readonly Lease[]> {
    return [...this.leases.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
