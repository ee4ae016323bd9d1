import type { Lease, LeaseStore } from '../../application/shared/ports/lease-store.port';
import { assertLeaseArguments, nextLease } from '../store-kit/lease-rules';
import type { SqliteDatabase } from './sqlite-database';

const LEASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  generation INTEGER NOT NULL
)`;

interface LeaseRow {
  readonly name: string;
  readonly holder: string;
  readonly expires_at: number;
  readonly generation: number;
}

const toLease = (row: LeaseRow): Lease => ({
  name: row.name,
  holder: row.holder,
  expiresAt: row.expires_at,
  generation: row.generation,
});

/**
 * Leases in the shared SQLite file. Every process using the file runs on this machine's clock, and each
 * acquire is one IMMEDIATE transaction, so two processes never both take a lease.
 */
export class SqliteLeaseStore implements LeaseStore {
  private readonly acquireTransaction: (name: string, holder: string, ttlMs: number) => Lease | null;
  private readonly releaseStatement;
  private readonly listStatement;

  constructor(private readonly database: SqliteDatabase) {
    const connection = database.connection;
    connection.exec(LEASE_SCHEMA);
    const read = connection.prepare<[string], LeaseRow>('SELECT * FROM leases WHERE name = ?');
    const write = connection.prepare<[string, string, number, number]>(
      `INSERT INTO leases (name, holder, expires_at, generation) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, generation = excluded.generation`,
    );
    const acquire = connection.transaction((name: string, holder: string, ttlMs: number): Lease | null => {
      const row = read.get(name);
      const lease = nextLease(row && toLease(row), name, holder, ttlMs, Date.now());
      if (lease) write.run(name, holder, lease.expiresAt, lease.generation);
      return lease;
    });
    this.acquireTransaction = (name, holder, ttlMs) => acquire.immediate(name, holder, ttlMs);
    // Released by expiring now: the generation stays on record, so the next holder's is still higher.
    this.releaseStatement = connection.prepare<[number, string, string]>(
      'UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?',
    );
    this.listStatement = connection.prepare<[], LeaseRow>('SELECT * FROM leases ORDER BY name');
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    assertLeaseArguments(name, holder, ttlMs);
    await this.readyToWrite();
    return this.acquireTransaction(name, holder, ttlMs);
  }

  async release(name: string, holder: string): Promise<void> {
    assertLeaseArguments(name, holder);
    await this.readyToWrite();
    this.releaseStatement.run(Date.now() - 1, name, holder);
  }

  async list(): Promise<readonly Lease[]> {
    return this.listStatement.all().map(toLease);
  }

  private async readyToWrite(): Promise<void> {
    if (this.database.checkpointWantsWriteLock) await this.database.yieldToCheckpoint();
  }
}
