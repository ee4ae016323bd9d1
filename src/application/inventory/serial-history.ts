import { normaliseSerial } from '../../domain/inventory/serial-code';
import { serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { notFound } from '../../domain/shared/domain-error';
import { warrantyStreamId } from '../../domain/warranty/warranty.decider';
import type { EventStore, RecordedEvent } from '../shared/ports/event-store.port';

export interface SerialHistoryEntry {
  readonly position: number;
  readonly stream: 'serial' | 'warranty';
  readonly type: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly data: unknown;
}

const entry = (stream: SerialHistoryEntry['stream']) => (event: RecordedEvent): SerialHistoryEntry => ({
  position: event.position,
  stream,
  type: event.type,
  occurredAt: event.metadata.occurredAt,
  actorId: event.metadata.actorId,
  actorRole: event.metadata.actorRole,
  data: event.data,
});

/**
 * Everything that happened to one battery: its serial's stock moves and its warranty's life, in the order they
 * were stored, with who did each. Read from the streams on purpose: this is an audit view, not a report.
 */
export class SerialHistory {
  constructor(private readonly events: EventStore) {}

  async of(serialInput: string): Promise<{ readonly serial: string; readonly entries: readonly SerialHistoryEntry[] }> {
    const serial = normaliseSerial(serialInput);
    const [stock, warranty] = await Promise.all([
      this.events.readStream(serialNumberStreamId(serial)),
      this.events.readStream(warrantyStreamId(serial)),
    ]);
    if (stock.length === 0) throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    const entries = [...stock.map(entry('serial')), ...warranty.map(entry('warranty'))].sort((a, b) => a.position - b.position);
    return { serial, entries };
  }
}
