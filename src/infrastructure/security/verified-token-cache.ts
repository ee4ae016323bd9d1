import type { Actor } from '../../application/shared/command-context';

export interface VerifiedTokenCacheOptions {
  /** Most tokens remembered; the oldest entry is dropped first. */
  readonly maxEntries: number;
  /** Seconds a token stays acceptable after its `exp`, as the verifier allows. */
  readonly clockToleranceSeconds: number;
  /** Milliseconds since the epoch; the same clock jsonwebtoken reads. */
  readonly now?: () => number;
}

interface Entry {
  readonly actor: Actor;
  /** Unix seconds from which the verifier would call the token expired. */
  readonly expiredAt: number;
}

/**
 * Access tokens whose signature and claims were already verified, so a client sending the same bearer token on
 * every request pays for the signature check once. A hit needs the exact token string, and is honoured only while
 * the verifier itself would still accept the token; otherwise the caller verifies it in full again. Tokens without
 * a numeric `exp`, or with a `nbf`, are never remembered.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokenCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The actor of a verified token that has not expired, or undefined (then verify it in full). */
  actorOf(token: string): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.seconds() < entry.expiredAt) return entry.actor;
    this.entries.delete(token);
    return undefined;
  }

  /** Remembers a token the verifier has just accepted, with its claims. */
  remember(token: string, claims: Record<string, unknown>, actor: Actor): void {
    const exp = claims['exp'];
    if (typeof exp !== 'number' || !Number.isFinite(exp) || claims['nbf'] !== undefined) return;
    const expiredAt = exp + this.options.clockToleranceSeconds;
    if (this.seconds() >= expiredAt) return;
    this.entries.delete(token);
    this.entries.set(token, { actor, expiredAt });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
