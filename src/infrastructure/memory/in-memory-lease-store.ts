import type { Lease, LeaseStore } from '../../application/shared/ports/lease-store.port';
import { assertLeaseArguments } from '../store-kit/lease-arguments';

/** Leases in process memory, for tests and single-process runs, with the durable adapters' rules. */
export class InMemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, Lease>();

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    assertLeaseArguments(name, holder, ttlMs);
    const now = Date.now();
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.expiresAt > now) return null;
    const generation = !current ? 1 : current.holder === holder ? current.generation : current.generation + 1;
    const lease = { name, holder, expiresAt: now + ttlMs, generation };
    this.leases.set(name, lease);
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
