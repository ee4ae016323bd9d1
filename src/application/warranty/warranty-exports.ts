import { toCalendarDate } from '../../domain/shared/calendar-date';
import { coverageStatus } from '../../domain/warranty/warranty.decider';
import { exportRows, type ExportColumn, type ExportRow } from '../shared/csv-export';
import type { Clock } from '../shared/ports/clock.port';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { warrantyFilter, type WarrantyFilterQuery } from './warranty.queries';
import { WARRANTIES, type WarrantyView } from './warranty.read-model';

/** The columns, with coverage judged on `today` like the JSON list. */
const warrantyColumns = (today: string): readonly ExportColumn<WarrantyView>[] => [
  { header: 'warrantyNumber', value: (w) => w.warrantyNumber },
  { header: 'warrantyId', value: (w) => w.id },
  { header: 'serial', value: (w) => w.serial },
  { header: 'modelId', value: (w) => w.modelId },
  { header: 'consumerName', value: (w) => w.consumer.name },
  { header: 'consumerPhone', value: (w) => w.consumer.phone },
  { header: 'consumerEmail', value: (w) => w.consumer.email },
  { header: 'channel', value: (w) => w.channel },
  { header: 'startsOn', value: (w) => w.startsOn },
  { header: 'endsOn', value: (w) => w.endsOn },
  { header: 'status', value: (w) => w.status },
  { header: 'coverage', value: (w) => coverageStatus(w, today) },
  { header: 'activatedAt', value: (w) => w.activatedAt },
  { header: 'activatedBy', value: (w) => w.activatedBy },
  { header: 'voidedAt', value: (w) => w.voidedAt },
  { header: 'voidReason', value: (w) => w.voidReason },
];

/** Whole warranty lists as rows for a file, with the same filters as the paged list. */
export class WarrantyExports {
  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: Clock,
  ) {}

  warranties(query: WarrantyFilterQuery): AsyncIterable<ExportRow> {
    const today = toCalendarDate(this.clock.now().toISOString());
    return exportRows(this.documents, { collection: WARRANTIES, filter: warrantyFilter(query, today), columns: warrantyColumns(today) });
  }
}
