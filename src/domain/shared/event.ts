/** A domain event: past-tense type and readonly plain data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A command: imperative type and the data the decider needs, already resolved (clock, ids, actor). */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Who caused a change, from where, and in which causal chain. Stored with every event. */
export interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly tenantId: string | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

/** An event as it travels to and from the store: type, data and metadata. */
export interface EventEnvelope<Event extends DomainEvent = DomainEvent> {
  readonly type: Event['type'];
  readonly data: Event['data'];
  readonly metadata: EventMetadata;
}
