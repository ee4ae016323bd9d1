import type { Decider } from '../../../src/domain/shared/decider';
import { invalid } from '../../../src/domain/shared/domain-error';
import type { DomainCommand, DomainEvent, EventMetadata } from '../../../src/domain/shared/event';
import type { Actor, CommandContext } from '../../../src/application/shared/command-context';
import type { Clock } from '../../../src/application/shared/ports/clock.port';
import type { EventToAppend } from '../../../src/application/shared/ports/event-store.port';
import type { IdGenerator } from '../../../src/application/shared/ports/id-generator.port';

export const FIXED_NOW = new Date('2025-03-14T09:26:53.000Z');

export const fixedClock = (now: Date = FIXED_NOW): Clock => ({ now: () => new Date(now.getTime()) });

/** Ids `id-1`, `id-2`, … in call order, so tests can name them in advance. */
export const sequentialIds = (prefix = 'id'): IdGenerator => {
  let next = 0;
  return {
    newId: () => `${prefix}-${++next}`,
    randomString: (length, alphabet) => alphabet.charAt(0).repeat(length),
  };
};

export const ACTOR: Actor = { userId: 'user-7', role: 'admin', tenantId: 'tenant-3' };

export const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: ACTOR,
  clientIp: '203.0.113.9',
  userAgent: 'jest/1.0',
  idempotencyKey: null,
  ...overrides,
});

/*
 * A tiny counter aggregate. Increments commute, so concurrent writers may all win after re-deciding.
 */
export type CounterCommand =
  | DomainCommand<'Increment', { readonly by: number }>
  | DomainCommand<'Fail', { readonly reason: string }>
  | DomainCommand<'Noop', Record<string, never>>;
export type CounterEvent = DomainEvent<'Incremented', { readonly by: number }>;
export interface CounterState {
  readonly count: number;
}

export const CounterDecider: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: { count: 0 },
  evolve: (state, event) => ({ count: state.count + event.data.by }),
  decide: (command) => {
    switch (command.type) {
      case 'Increment':
        return [{ type: 'Incremented', data: { by: command.data.by } }];
      case 'Fail':
        throw invalid('counter.refused', command.data.reason);
      case 'Noop':
        return [];
    }
  },
};

export const increment = (by = 1): CounterCommand => ({ type: 'Increment', data: { by } });

let rawEventCounter = 0;

/** An envelope for appending straight to a store (projection tests). */
export const rawEvent = (type: string, data: unknown = {}): EventToAppend => {
  const metadata: EventMetadata = {
    eventId: `raw-${++rawEventCounter}`,
    correlationId: 'raw',
    causationId: null,
    actorId: null,
    actorRole: null,
    tenantId: null,
    clientIp: null,
    userAgent: null,
    occurredAt: FIXED_NOW.toISOString(),
    schemaVersion: 1,
  };
  return { type, data, metadata };
};

/** The error a promise rejects with; fails the test if it resolves. */
export const caught = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};
