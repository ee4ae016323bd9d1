import { isCommandError, ErrorType } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../../application/shared/ports/event-store.port';
import { wrongExpectedRevision } from '../../application/shared/ports/wrong-expected-revision';
import { unavailable, type DomainError } from '../../domain/shared/domain-error';

const commandError = (error: unknown) => (error instanceof Error && isCommandError(error) ? error : null);

const UNREACHABLE: readonly string[] = [
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.TIMEOUT,
];

/** The port's error for a failed append; anything unexpected is returned unchanged. */
export const translateAppendError = (error: unknown, streamId: string, expected: ExpectedRevision): unknown => {
  const known = commandError(error);
  if (!known) return error;
  if (known.type === ErrorType.WRONG_EXPECTED_VERSION) {
    const actual = known.actualState;
    return wrongExpectedRevision(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
  }
  return translateEngineError(error);
};

/** Connection trouble becomes a 503-class error the edges know; other errors pass through. */
export const translateEngineError = (error: unknown): unknown => {
  const known = commandError(error);
  return known && UNREACHABLE.includes(known.type) ? engineUnavailable(known.message) : error;
};

export const engineUnavailable = (detail: string): DomainError =>
  unavailable('event_store.unavailable', 'EventStoreDB is not reachable; retry shortly', { detail });

export const isStreamNotFound = (error: unknown): boolean =>
  commandError(error)?.type === ErrorType.STREAM_NOT_FOUND;
