import { exportRows, type ExportColumn, type ExportRow } from '../../shared/csv-export';
import type { DocumentStore } from '../../shared/ports/document-store.port';
import { claimFilter, type ClaimFilterQuery } from './claim.queries';
import { WARRANTY_CLAIMS, type ClaimView } from './claims.read-model';

const claimColumns: readonly ExportColumn<ClaimView>[] = [
  { header: 'claimNumber', value: (c) => c.claimNumber },
  { header: 'claimId', value: (c) => c.id },
  { header: 'warrantyNumber', value: (c) => c.warrantyNumber },
  { header: 'serial', value: (c) => c.serial },
  { header: 'modelId', value: (c) => c.modelId },
  { header: 'consumerName', value: (c) => c.consumer.name },
  { header: 'consumerPhone', value: (c) => c.consumer.phone },
  { header: 'consumerEmail', value: (c) => c.consumer.email },
  { header: 'channel', value: (c) => c.channel },
  { header: 'status', value: (c) => c.status },
  { header: 'assigneeId', value: (c) => c.assigneeId },
  { header: 'outcome', value: (c) => c.outcome },
  { header: 'replacementSerial', value: (c) => c.replacementSerial },
  { header: 'rejectionReason', value: (c) => c.rejectionReason },
  { header: 'photos', value: (c) => c.attachments.length },
  { header: 'description', value: (c) => c.description },
  { header: 'filedAt', value: (c) => c.filedAt },
  { header: 'closedAt', value: (c) => c.closedAt },
];

/** Whole claim lists as rows for a file (staff), with the filters of the paged list. */
export class ClaimExports {
  constructor(private readonly documents: DocumentStore) {}

  claims(query: ClaimFilterQuery): AsyncIterable<ExportRow> {
    return exportRows(this.documents, { collection: WARRANTY_CLAIMS, filter: claimFilter(query), columns: claimColumns });
  }
}
