import { assertNever, type Decider } from './decider';
import { conflict, invalid } from './domain-error';
import type { DomainCommand, DomainEvent } from './event';

/**
 * A unique value (a SKU, an email) reserved by appending to a stream of its own, so the event
 * store's expected-revision check, not a read model, decides who wins a race.
 */

// The scope becomes the stream category and the error-code prefix, so it holds no dash or dot.
const SCOPE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
const MAX_KEY_LENGTH = 320;

export const uniqueKeyStreamId = (scope: string, key: string): string => `${scope}-${key}`;

export type ReserveUniqueKey = DomainCommand<
  'ReserveUniqueKey',
  { readonly scope: string; readonly key: string; readonly ownerId: string; readonly reservedAt: string }
>;
export type ReleaseUniqueKey = DomainCommand<
  'ReleaseUniqueKey',
  { readonly scope: string; readonly key: string; readonly ownerId: string; readonly releasedAt: string }
>;
export type UniqueKeyCommand = ReserveUniqueKey | ReleaseUniqueKey;

export type UniqueKeyReserved = DomainEvent<
  'UniqueKeyReserved',
  { readonly scope: string; readonly key: string; readonly ownerId: string; readonly reservedAt: string }
>;
export type UniqueKeyReleased = DomainEvent<
  'UniqueKeyReleased',
  { readonly scope: string; readonly key: string; readonly ownerId: string; readonly releasedAt: string }
>;
export type UniqueKeyEvent = UniqueKeyReserved | UniqueKeyReleased;

export type UniqueKeyState =
  | { readonly status: 'none' }
  | { readonly status: 'reserved'; readonly ownerId: string; readonly reservedAt: string }
  | { readonly status: 'released'; readonly ownerId: string; readonly releasedAt: string };

const validate = (scope: string, key: string): void => {
  if (!SCOPE_PATTERN.test(scope)) {
    throw invalid('unique_key.invalid_scope', `Invalid unique key scope: ${scope}`, { scope });
  }
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalid('unique_key.invalid_key', `A ${scope} key must be 1..${MAX_KEY_LENGTH} characters`, { scope });
  }
};

const decide = (command: UniqueKeyCommand, state: UniqueKeyState): readonly UniqueKeyEvent[] => {
  const { scope, key, ownerId } = command.data;
  validate(scope, key);
  switch (command.type) {
    case 'ReserveUniqueKey':
      if (state.status === 'reserved') {
        if (state.ownerId === ownerId) return [];
        throw conflict(`${scope}.already_taken`, `This ${scope} is already taken`, { key });
      }
      return [{ type: 'UniqueKeyReserved', data: { scope, key, ownerId, reservedAt: command.data.reservedAt } }];
    case 'ReleaseUniqueKey':
      // Releasing what is not held is a no-op, so compensations may run more than once.
      if (state.status !== 'reserved') return [];
      if (state.ownerId !== ownerId) {
        throw conflict(`${scope}.not_owner`, `This ${scope} is held by someone else`, { key });
      }
      return [{ type: 'UniqueKeyReleased', data: { scope, key, ownerId, releasedAt: command.data.releasedAt } }];
    default:
      return assertNever(command);
  }
};

const evolve = (_state: UniqueKeyState, event: UniqueKeyEvent): UniqueKeyState => {
  switch (event.type) {
    case 'UniqueKeyReserved':
      return { status: 'reserved', ownerId: event.data.ownerId, reservedAt: event.data.reservedAt };
    case 'UniqueKeyReleased':
      return { status: 'released', ownerId: event.data.ownerId, releasedAt: event.data.releasedAt };
    default:
      return assertNever(event);
  }
};

export const UniqueKeyDecider: Decider<UniqueKeyCommand, UniqueKeyEvent, UniqueKeyState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
