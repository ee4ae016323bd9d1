import type Database from 'better-sqlite3';
import type {
  EventFilter,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../../application/shared/ports/event-store.port';
import { checkedCount } from '../store-kit/store-errors';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './sqlite-event-row';

/** SQLite's "no limit". */
const UNLIMITED = -1;
const MAX_POSITION = Number.MAX_SAFE_INTEGER;

type Direction = 'forwards' | 'backwards';

/**
 * Synchronous reads of the events table. Filtered reads walk the primary key in position order and test
 * the filter per row (`instr(stream_id, prefix) = 1` is an exact prefix test, with no LIKE escaping), so a
 * batch never needs sorting; subscriptions move their cursor past scanned rows, so none is scanned twice.
 */
export class SqliteEventReader {
  private readonly streamForwards: Database.Statement<[string, number, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, number, number], EventRow>;
  /** The common case, a whole stream: a bound `LIMIT -1` made this query several times slower. */
  private readonly wholeStream: Database.Statement<[string], EventRow>;
  private readonly head: Database.Statement<[], { head: number | null }>;
  private readonly rangeStatements = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(private readonly connection: Database.Database) {
    const select = `SELECT ${EVENT_COLUMNS} FROM events`;
    this.streamForwards = connection
      .prepare<[string, number, number], EventRow>(
        `${select} WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      )
      .raw(true);
    this.streamBackwards = connection
      .prepare<[string, number, number], EventRow>(
        `${select} WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true);
    this.wholeStream = connection
      .prepare<[string], EventRow>(`${select} WHERE stream_id = ? ORDER BY revision ASC`)
      .raw(true);
    this.head = connection.prepare('SELECT MAX(position) AS head FROM events');
  }

  headPosition(): number {
    return this.head.get()?.head ?? 0;
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): RecordedEvent[] {
    const limit = checkedCount('maxCount', options.maxCount) ?? UNLIMITED;
    if (limit === UNLIMITED && options.direction !== 'backwards' && options.fromRevision === undefined) {
      return this.wholeStream.all(streamId).map(toRecordedEvent);
    }
    const rows =
      options.direction === 'backwards'
        ? this.streamBackwards.all(streamId, options.fromRevision ?? MAX_POSITION, limit)
        : this.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  readAll(options: ReadAllOptions = {}): RecordedEvent[] {
    const limit = checkedCount('maxCount', options.maxCount) ?? UNLIMITED;
    return options.direction === 'backwards'
      ? this.readRange('backwards', 0, options.before ?? MAX_POSITION, options.filter, limit)
      : this.readRange('forwards', options.after ?? 0, MAX_POSITION, options.filter, limit);
  }

  /** Events with after < position < before (both exclusive), in the given direction. */
  readRange(
    direction: Direction,
    after: number,
    before: number,
    filter: EventFilter | undefined,
    limit: number,
  ): RecordedEvent[] {
    const prefixes = filter?.streamPrefixes;
    const types = filter?.eventTypes;
    const statement = this.rangeStatement(direction, prefixes?.length, types?.length);
    return statement.all(after, before, ...(prefixes ?? []), ...(types ?? []), limit).map(toRecordedEvent);
  }

  /** One statement per filter shape (direction, number of prefixes, number of types), prepared once. */
  private rangeStatement(
    direction: Direction,
    prefixCount: number | undefined,
    typeCount: number | undefined,
  ): Database.Statement<unknown[], EventRow> {
    const key = `${direction}:${prefixCount ?? '-'}:${typeCount ?? '-'}`;
    const cached = this.rangeStatements.get(key);
    if (cached) return cached;
    const conditions = ['position > ?', 'position < ?'];
    if (prefixCount !== undefined) conditions.push(anyOf(prefixCount, 'instr(stream_id, ?) = 1'));
    if (typeCount !== undefined) conditions.push(typeCount === 0 ? '0' : `type IN (${placeholders(typeCount)})`);
    const order = direction === 'backwards' ? 'DESC' : 'ASC';
    const statement = this.connection
      .prepare<unknown[], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position ${order} LIMIT ?`,
      )
      .raw(true);
    this.rangeStatements.set(key, statement);
    return statement;
  }
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

const anyOf = (count: number, condition: string) =>
  count === 0 ? '0' : `(${Array.from({ length: count }, () => condition).join(' OR ')})`;
