import { randomUUID } from 'node:crypto';
import type { Lease, LeaseStore } from '../../src/application/shared/ports/lease-store.port';

export type LeaseStoreFactory = () => Promise<{ store: LeaseStore; cleanup: () => Promise<void> }>;

const LONG_TTL_MS = 60_000;

/** Polls `attempt` until it answers a lease, for leases left to expire (bounded; the store's clock decides). */
const eventually = async (attempt: () => Promise<Lease | null>, limitMs = 5_000): Promise<Lease> => {
  const until = Date.now() + limitMs;
  for (;;) {
    const lease = await attempt();
    if (lease) return lease;
    if (Date.now() > until) throw new Error(`no lease within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The behaviour every LeaseStore adapter must show. Names are unique per test, so a shared server works too. */
export const describeLeaseStoreContract = (name: string, factory: LeaseStoreFactory): void => {
  describe(`LeaseStore contract: ${name}`, () => {
    let store: LeaseStore;
    let cleanup: () => Promise<void>;
    let lease: string;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      lease = `projection:test-${randomUUID()}`;
    });

    afterEach(async () => {
      await cleanup();
    });

    it('grants a free lease with generation 1 and an expiry ahead', async () => {
      const before = Date.now();
      const granted = await store.acquire(lease, 'node-a', LONG_TTL_MS);
      expect(granted).toMatchObject({ name: lease, holder: 'node-a', generation: 1 });
      // Allows for the store's clock being a little off this process's clock.
      expect(granted!.expiresAt).toBeGreaterThan(before + LONG_TTL_MS - 5_000);
    });

    it('refuses a lease another holder keeps', async () => {
      await store.acquire(lease, 'node-a', LONG_TTL_MS);
      expect(await store.acquire(lease, 'node-b', LONG_TTL_MS)).toBeNull();
    });

    it('renews for the same holder without changing hands', async () => {
      const first = await store.acquire(lease, 'node-a', 1_000);
      const renewed = await store.acquire(lease, 'node-a', LONG_TTL_MS);
      expect(renewed).toMatchObject({ holder: 'node-a', generation: first!.generation });
      expect(renewed!.expiresAt).toBeGreaterThan(first!.expiresAt);
    });

    it('lets another holder take an expired lease, with the next generation', async () => {
      await store.acquire(lease, 'node-a', 1);
      const taken = await eventually(() => store.acquire(lease, 'node-b', LONG_TTL_MS));
      expect(taken).toMatchObject({ holder: 'node-b', generation: 2 });
      expect(await store.acquire(lease, 'node-a', LONG_TTL_MS)).toBeNull();
    });

    it('frees a released lease at once, and ignores a release by someone else', async () => {
      await store.acquire(lease, 'node-a', LONG_TTL_MS);
      await store.release(lease, 'node-b');
      expect(await store.acquire(lease, 'node-b', LONG_TTL_MS)).toBeNull();
      await store.release(lease, 'node-a');
      expect(await store.acquire(lease, 'node-b', LONG_TTL_MS)).toMatchObject({ holder: 'node-b', generation: 2 });
    });

    it('grants exactly one of 20 parallel requests for a free lease', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store.acquire(lease, `node-${index}`, LONG_TTL_MS)),
      );
      const granted = results.filter((result): result is Lease => result !== null);
      expect(granted).toHaveLength(1);
      expect(await store.acquire(lease, granted[0]!.holder, LONG_TTL_MS)).toMatchObject({ generation: 1 });
    });

    it('lists the leases it holds records of, expired ones included', async () => {
      const other = `${lease}-b`;
      await store.acquire(lease, 'node-a', LONG_TTL_MS);
      await store.acquire(other, 'node-b', 1);
      const listed = (await store.list()).filter((entry) => entry.name.startsWith(lease));
      expect(listed.map((entry) => [entry.name, entry.holder])).toEqual([
        [lease, 'node-a'],
        [other, 'node-b'],
      ]);
    });

    it('rejects a ttl that is not a positive integer, and a blank name or holder', async () => {
      for (const ttl of [0, -5, 1.5, Number.NaN]) {
        await expect(store.acquire(lease, 'node-a', ttl)).rejects.toMatchObject({ kind: 'invalid', code: 'lease.invalid_ttl' });
      }
      await expect(store.acquire('', 'node-a', LONG_TTL_MS)).rejects.toMatchObject({ code: 'lease.invalid_name' });
      await expect(store.acquire(lease, ' ', LONG_TTL_MS)).rejects.toMatchObject({ code: 'lease.invalid_holder' });
      expect((await store.list()).filter((entry) => entry.name.startsWith(lease))).toEqual([]);
    });
  });
};
