import { DomainError } from '../../../domain/shared/domain-error';
import type { ExpectedRevision } from './event-store.port';

export const WRONG_EXPECTED_REVISION = 'event_store.wrong_expected_revision';

/** Raised by every EventStore adapter when the expected revision does not hold. */
export const wrongExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): DomainError =>
  new DomainError(
    'conflict',
    WRONG_EXPECTED_REVISION,
    `Stream ${streamId} was expected at ${String(expected)} but is at ${String(actual)}`,
    { streamId, expected: String(expected), actual: String(actual) },
  );

export const isWrongExpectedRevision = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === WRONG_EXPECTED_REVISION;
