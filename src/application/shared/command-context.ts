/** Who asks for a change, and from where: resolved at the edge, stored as event metadata. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly tenantId: string | null;
}

export interface CommandContext {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
  /** A client-chosen key: the same key (per actor and operation) applies the command once. */
  readonly idempotencyKey: string | null;
}

/**
 * The context for a write the client's Idempotency-Key must not name: bookkeeping around the command (a claim
 * given back, a session started, a failure recorded) that has to happen again when the request is repeated.
 */
export const withoutIdempotencyKey = (context: CommandContext): CommandContext => ({ ...context, idempotencyKey: null });

export const systemContext = (correlationId: string, causationId: string | null = null): CommandContext => ({
  correlationId,
  causationId,
  actor: { userId: 'system', role: 'system', tenantId: null },
  clientIp: null,
  userAgent: null,
  idempotencyKey: null,
});
