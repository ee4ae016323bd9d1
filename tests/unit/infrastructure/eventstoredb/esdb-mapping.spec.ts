import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '../../../../src/domain/shared/event';
import {
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toServerFilter,
  toStreamState,
} from '../../../../src/infrastructure/eventstoredb/esdb-mapping';
import { isStreamNotFound, translateAppendError } from '../../../../src/infrastructure/eventstoredb/esdb-errors';

const metadata = { eventId: '5f0c6c7e-8a43-4b7e-9d54-3c0f9f0b3a11', occurredAt: '2026-01-01T00:00:00.000Z' } as EventMetadata;

/** A resolved event as the client hands it over (typed loosely: the tests also build malformed ones). */
const recorded = (overrides: Record<string, unknown> = {}): AllStreamResolvedEvent => ({
  event: {
    streamId: 'warranty-LV24A000123K',
    id: metadata.eventId,
    isJson: true,
    revision: 3n,
    type: 'WarrantyActivated',
    created: new Date(0),
    data: { serial: 'LV24A000123K' },
    metadata,
    position: { commit: 4_096n, prepare: 4_096n },
    ...overrides,
  } as unknown as AllStreamResolvedEvent['event'],
});

describe('EventStoreDB mapping', () => {
  it('maps every expected revision one to one', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    expect(() => toStreamState(-1)).toThrow(expect.objectContaining({ code: 'event_store.invalid_expected_revision' }));
    expect(() => toStreamState(1.5)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });

  it('starts reads at the beginning for no position, else at the position itself (the caller drops it)', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
  });

  it('writes events as JSON with the metadata event id as the server event id', () => {
    const data = toEventData({ type: 'WarrantyActivated', data: { serial: 'X' }, metadata });
    expect(data).toMatchObject({ id: metadata.eventId, type: 'WarrantyActivated', contentType: 'application/json', data: { serial: 'X' }, metadata });
  });

  it('reads a recorded event back with numbers for revision and position', () => {
    expect(toRecordedEvent(recorded())).toEqual({
      streamId: 'warranty-LV24A000123K',
      revision: 3,
      position: 4_096,
      type: 'WarrantyActivated',
      data: { serial: 'LV24A000123K' },
      metadata,
    });
  });

  it('skips system events, binary events and unresolved links', () => {
    expect(toRecordedEvent(recorded({ streamId: '$stats-127.0.0.1:2113' }))).toBeNull();
    expect(toRecordedEvent(recorded({ type: '$metadata' }))).toBeNull();
    expect(toRecordedEvent(recorded({ isJson: false }))).toBeNull();
    expect(toRecordedEvent({})).toBeNull();
  });

  it('refuses a server too old to report positions', () => {
    expect(() => toRecordedEvent(recorded({ position: undefined }))).toThrow(/22\.6/);
  });

  describe('filters', () => {
    it('sends stream prefixes to the server and keeps event types for the caller', () => {
      const { server, residual } = toServerFilter({ streamPrefixes: ['warranty-', 'serial-'], eventTypes: ['WarrantyVoided'] });
      expect(server).toMatchObject({ filterOn: 'streamName', prefixes: ['warranty-', 'serial-'] });
      expect(residual).toEqual({ eventTypes: ['WarrantyVoided'] });
    });

    it('sends event types alone as an exact, escaped regex', () => {
      const { server, residual } = toServerFilter({ eventTypes: ['Order.Placed', 'OrderPaid'] });
      expect(server).toMatchObject({ filterOn: 'eventType', regex: '^(?:Order\\.Placed|OrderPaid)$' });
      expect(residual).toBeUndefined();
      const regex = new RegExp((server as { regex: string }).regex);
      expect(['Order.Placed', 'OrderPaid', 'OrderXPlaced', 'OrderPaidLate'].filter((type) => regex.test(type))).toEqual([
        'Order.Placed',
        'OrderPaid',
      ]);
    });

    it('excludes system events on the server when there is no filter', () => {
      const { server, residual } = toServerFilter(undefined);
      expect(server).toMatchObject({ filterOn: 'eventType' });
      expect(new RegExp((server as { regex: string }).regex).test('$metadata')).toBe(false);
      expect(residual).toBeUndefined();
    });

    it('keeps an empty list for the caller, so it matches nothing as in every adapter', () => {
      expect(toServerFilter({ streamPrefixes: [] }).residual).toEqual({ streamPrefixes: [] });
      expect(toServerFilter({ streamPrefixes: ['a-'], eventTypes: [] }).residual).toEqual({ streamPrefixes: ['a-'], eventTypes: [] });
    });
  });

  describe('errors', () => {
    it('turns a wrong expected version into the port conflict, with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'order-1', expected: 0n, current: 2n });
      expect(translateAppendError(error, 'order-1', 0)).toMatchObject({
        kind: 'conflict',
        code: 'event_store.wrong_expected_revision',
        details: { streamId: 'order-1', expected: '0', actual: '2' },
      });
      const absent = new WrongExpectedVersionError(undefined, { streamName: 'order-2', expected: STREAM_EXISTS, current: NO_STREAM });
      expect(translateAppendError(absent, 'order-2', 'stream_exists')).toMatchObject({ details: { actual: 'no_stream' } });
    });

    it('turns an unreachable server into a retryable unavailable error, and leaves others alone', () => {
      const unreachable = new UnavailableError(undefined as never);
      expect(translateAppendError(unreachable, 'order-1', 'any')).toMatchObject({ kind: 'unavailable', code: 'event_store.unavailable' });
      const other = new Error('boom');
      expect(translateAppendError(other, 'order-1', 'any')).toBe(other);
    });

    it('recognises a missing stream', () => {
      expect(isStreamNotFound(new StreamNotFoundError(undefined as never, 'order-9'))).toBe(true);
      expect(isStreamNotFound(new Error('stream not found'))).toBe(false);
    });
  });
});
