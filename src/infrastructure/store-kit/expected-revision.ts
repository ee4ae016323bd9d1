import type { ExpectedRevision } from '../../application/shared/ports/event-store.port';
import { wrongExpectedRevision } from '../../application/shared/ports/wrong-expected-revision';
import { invalid } from '../../domain/shared/domain-error';

/**
 * EventStoreDB's rules: 'any' always holds, 'no_stream' needs an absent stream, 'stream_exists' a present
 * one, and a number must equal the stream's last revision. `lastRevision` is null for an absent stream.
 */
export const assertExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  lastRevision: number | null,
): void => {
  const actual = lastRevision ?? 'no_stream';
  switch (expected) {
    case 'any':
      return;
    case 'no_stream':
      if (lastRevision !== null) throw wrongExpectedRevision(streamId, expected, actual);
      return;
    case 'stream_exists':
      if (lastRevision === null) throw wrongExpectedRevision(streamId, expected, actual);
      return;
    default:
      assertRevisionNumber(expected, { streamId });
      if (lastRevision !== expected) throw wrongExpectedRevision(streamId, expected, actual);
  }
};

/** A numeric expected revision must be a non-negative integer, on every engine. */
export const assertRevisionNumber = (expected: number, details: Record<string, unknown> = {}): void => {
  if (!Number.isInteger(expected) || expected < 0) {
    throw invalid('event_store.invalid_expected_revision', 'Expected revision must be a non-negative integer', {
      ...details,
      expected,
    });
  }
};
