import type Database from 'better-sqlite3';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
} from '../../application/shared/ports/event-store.port';
import { unavailable } from '../../domain/shared/domain-error';
import { assertExpectedRevision } from '../store-kit/expected-revision';
import { duplicateEventId } from '../store-kit/store-errors';
import { isSqliteBusy, isSqliteUniqueViolation } from './sqlite-error-code';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
}

export type AppendOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

interface StoredEvent {
  readonly stream_id: string;
  readonly revision: number;
  readonly position: number;
  readonly event_id: string;
}

/**
 * Writes a group of appends in one IMMEDIATE transaction (one fsync for the group). Each append runs in its
 * own savepoint and sees the earlier appends of the group, so one failing append leaves the others intact.
 * No revision is cached: another process may write the same file between groups.
 */
export class SqliteEventWriter {
  private readonly lastOfStream: Database.Statement<[string], { revision: number; position: number }>;
  private readonly byEventId: Database.Statement<[string], StoredEvent>;
  private readonly streamSlice: Database.Statement<[string, number, number], StoredEvent>;
  private readonly insert: Database.Statement<[string, number, string, string, string, string]>;
  private readonly writeGroup: (group: readonly PendingAppend[]) => AppendOutcome[];
  private readonly writeOne: (append: PendingAppend) => AppendResult;

  constructor(connection: Database.Database) {
    this.lastOfStream = connection.prepare(
      'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.byEventId = connection.prepare('SELECT stream_id, revision, position, event_id FROM events WHERE event_id = ?');
    this.streamSlice = connection.prepare(
      'SELECT stream_id, revision, position, event_id FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.insert = connection.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.writeOne = connection.transaction((append: PendingAppend) => this.appendOne(append));
    const group = connection.transaction((appends: readonly PendingAppend[]) =>
      appends.map((append): AppendOutcome => {
        try {
          // One event cannot half-fail once its checks pass, so only multi-event appends pay for a savepoint.
          const result = append.events.length > 1 ? this.writeOne(append) : this.appendOne(append);
          return { ok: true, result };
        } catch (error) {
          // Some failures (I/O, full disk) make SQLite roll back the whole transaction: abandon the group.
          if (!connection.inTransaction) throw error;
          return { ok: false, error: translate(append.streamId, append.events, error) };
        }
      }),
    );
    this.writeGroup = (appends) => group.immediate(appends);
  }

  /** Throws only when the group as a whole fails (lock timeout, I/O error); then nothing was written. */
  write(group: readonly PendingAppend[]): AppendOutcome[] {
    try {
      return this.writeGroup(group);
    } catch (error) {
      if (isSqliteBusy(error)) throw unavailable('event_store.busy', 'The event store is locked by another writer');
      throw error;
    }
  }

  private appendOne(append: PendingAppend): AppendResult {
    const { streamId, events, expected } = append;
    const created = expected === 'no_stream' ? this.tryNewStream(streamId, events) : null;
    if (created) return created;
    const repeated = this.findRepeatedBatch(streamId, events);
    if (repeated) return repeated;
    const last = this.lastOfStream.get(streamId);
    assertExpectedRevision(streamId, expected, last ? last.revision : null);
    if (events.length === 0) return { nextRevision: last ? last.revision : -1, position: last ? last.position : 0 };
    return this.insertFrom(streamId, events, 0, last ? last.revision + 1 : 0);
  }

  /**
   * The common 'no_stream' case without its two lookups: the first event goes in at revision 0 straight away.
   * Every stream starts at revision 0, so the unique index on (stream_id, revision) refuses the insert exactly
   * when the stream exists, and the one on event_id when the id is stored; a refusal (a statement rollback,
   * nothing written) returns null and the lookups give the precise answer: repeat, wrong revision or duplicate.
   */
  private tryNewStream(streamId: string, events: readonly EventToAppend[]): AppendResult | null {
    const first = events[0];
    if (!first) return null;
    let position: number;
    try {
      position = this.insertEvent(streamId, 0, first);
    } catch (error) {
      if (isSqliteUniqueViolation(error)) return null;
      throw error;
    }
    return events.length === 1 ? { nextRevision: 0, position } : this.insertFrom(streamId, events, 1, 1);
  }

  /** Inserts events[from..] at consecutive revisions, events[from] at `revision`. */
  private insertFrom(streamId: string, events: readonly EventToAppend[], from: number, revision: number): AppendResult {
    let position = 0;
    for (let index = from; index < events.length; index++) {
      position = this.insertEvent(streamId, revision + index - from, events[index] as EventToAppend);
    }
    return { nextRevision: revision + events.length - 1 - from, position };
  }

  private insertEvent(streamId: string, revision: number, event: EventToAppend): number {
    const info = this.insert.run(
      streamId,
      revision,
      event.metadata.eventId,
      event.type,
      JSON.stringify(event.data ?? null),
      JSON.stringify(event.metadata),
    );
    return Number(info.lastInsertRowid);
  }

  /** The same batch appended before, in order and in this stream: the original result; a partial overlap throws. */
  private findRepeatedBatch(streamId: string, events: readonly EventToAppend[]): AppendResult | null {
    const firstId = events[0]?.metadata.eventId;
    const first = firstId === undefined ? undefined : this.byEventId.get(firstId);
    if (!first) return null;
    const stored = this.streamSlice.all(first.stream_id, first.revision, events.length);
    const same =
      first.stream_id === streamId &&
      stored.length === events.length &&
      stored.every((row, index) => row.event_id === events[index]?.metadata.eventId);
    const newest = stored[stored.length - 1];
    if (!same || !newest) throw duplicateEventId(streamId, events.map((event) => event.metadata.eventId));
    return { nextRevision: newest.revision, position: newest.position };
  }
}

/** A unique violation on event_id means some (not all) of the batch's ids are stored already. */
const translate = (streamId: string, events: readonly EventToAppend[], error: unknown): unknown =>
  isSqliteUniqueViolation(error) && String((error as { message?: unknown }).message).includes('event_id')
    ? duplicateEventId(streamId, events.map((event) => event.metadata.eventId))
    : error;
