import type { Checkpoint } from '../../application/shared/ports/document-store.port';
import { conflict, invalid, unavailable } from '../../domain/shared/domain-error';

/*
 * Errors every store adapter raises with the same codes, so callers and the contract suites can rely on them.
 * (The wrong-expected-revision error lives with the port itself.)
 */

export const DUPLICATE_EVENT_ID = 'event_store.duplicate_event_id';
export const UNIQUE_VIOLATION = 'document_store.unique_violation';
export const STORE_CLOSED = 'store.closed';
export { CHECKPOINT_MOVED } from '../../application/shared/projections/checkpoint-moved';
import { CHECKPOINT_MOVED } from '../../application/shared/projections/checkpoint-moved';

export const duplicateEventId = (streamId: string, eventIds: readonly string[]) =>
  conflict(
    DUPLICATE_EVENT_ID,
    `Append to ${streamId} repeats event ids that are already stored, but not as the same batch`,
    { streamId, eventIds: [...eventIds] },
  );

export const uniqueViolation = (collection: string, detail: string) =>
  conflict(UNIQUE_VIOLATION, `A document in ${collection} violates a unique index`, { collection, detail });

export const checkpointMoved = (name: string, expected: number | null, stored: number | null) =>
  conflict(CHECKPOINT_MOVED, `Checkpoint ${name} is at ${String(stored)}, not ${String(expected)}: another worker moved it`, {
    checkpoint: name,
    expected,
    stored,
  });

/** The one rule for a commit's checkpoint: true to apply, false to skip as a replay; throws when fenced out. */
export const checkpointAllowsCommit = (checkpoint: Checkpoint, stored: number | null): boolean => {
  if (checkpoint.previous !== undefined) {
    if (checkpoint.previous !== stored) throw checkpointMoved(checkpoint.name, checkpoint.previous, stored);
    return true;
  }
  return stored === null || stored < checkpoint.position;
};

export const storeClosed = (store: string) => unavailable(STORE_CLOSED, `The ${store} is closed`);

export const invalidStoreArgument = (code: string, message: string, details?: Record<string, unknown>) =>
  invalid(code, message, details);

/** maxCount/limit: undefined means unbounded; anything else must be a non-negative integer. */
export const checkedCount = (name: string, value: number | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) {
    throw invalid('store.invalid_count', `${name} must be a non-negative integer`, { [name]: value });
  }
  return value;
};
