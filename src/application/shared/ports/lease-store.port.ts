/**
 * Leases: at most one holder per name at a time, each until it expires unless renewed. Several service
 * instances use them so that exactly one runs each projection and each reactor; a holder that dies stops
 * renewing and another takes over once its lease has expired.
 */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  /** Milliseconds since the epoch, on the store's clock. */
  readonly expiresAt: number;
  /** Grows by one each time the lease changes hands: a fencing token. */
  readonly generation: number;
}

export interface LeaseStore {
  /**
   * Takes the lease when it is free, expired or already held by `holder`, and sets its expiry to `ttlMs`
   * from now (renewal is the same call). Answers the lease when `holder` holds it afterwards, else null.
   * Concurrent calls for one name never both succeed.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Gives the lease up at once if `holder` holds it; otherwise does nothing. */
  release(name: string, holder: string): Promise<void>;
  /** Every lease on record, expired ones included, by name. */
  list(): Promise<readonly Lease[]>;
}
