import { normaliseSerial } from '../../domain/inventory/serial-code';
import { toCalendarDate } from '../../domain/shared/calendar-date';
import { notFound } from '../../domain/shared/domain-error';
import { normaliseWarrantyNumber } from '../../domain/warranty/warranty-number';
import { coverageStatus, type CoverageStatus, type WarrantyConsumer } from '../../domain/warranty/warranty.decider';
import { BATTERY_MODELS, SERIAL_NUMBERS, type BatteryModelView, type SerialNumberView } from '../inventory/inventory.read-model';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { Clock } from '../shared/ports/clock.port';
import type { DocumentFilter, DocumentStore } from '../shared/ports/document-store.port';
import { maskConsumer } from './consumer-masking';
import { WARRANTIES, type WarrantyView } from './warranty.read-model';

export interface WarrantyFilterQuery {
  readonly status?: Exclude<CoverageStatus, 'none'> | undefined;
  readonly serial?: string | undefined;
  readonly modelId?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly number?: string | undefined;
}

export interface WarrantyListQuery extends WarrantyFilterQuery, PageRequest {}

const statusFilter = (status: WarrantyFilterQuery['status'], today: string): DocumentFilter => {
  switch (status) {
    case undefined:
      return {};
    case 'void':
    case 'transferred':
      return { status };
    case 'active':
      return { status: 'active', endsOn: { $gte: today } };
    case 'expired':
      // Expired before the daily sweep recorded it, or recorded.
      return { status: { $in: ['active', 'expired'] }, endsOn: { $lt: today } };
  }
};

/** The warranty list's filter (coverage judged on `today`), shared by the paged list and the CSV export. */
export const warrantyFilter = (query: WarrantyFilterQuery, today: string): DocumentFilter =>
  definedOnly({
    ...statusFilter(query.status, today),
    serial: query.serial ? normaliseSerial(query.serial) : undefined,
    modelId: query.modelId,
    'consumer.phone': query.phone,
    'consumer.email': query.email?.toLowerCase(),
    warrantyNumber: query.number ? normaliseWarrantyNumber(query.number) : undefined,
  });

export type WarrantyDetails = WarrantyView & { readonly coverage: CoverageStatus };

export interface WarrantyVerification {
  readonly serial: string;
  readonly status: CoverageStatus;
  readonly model: Pick<BatteryModelView, 'name' | 'sku' | 'capacityAh' | 'voltage'> | null;
  readonly warrantyId: string | null;
  readonly warrantyNumber: string | null;
  /** Set when a claim replaced this battery: the warranty continues on that serial. */
  readonly replacementSerial: string | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly consumer: WarrantyConsumer | null;
}

/** Reads warranties from their read model; coverage (active / expired / void) is computed for today. */
export class WarrantyQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async list(query: WarrantyListQuery): Promise<Page<WarrantyDetails>> {
    const filter = warrantyFilter(query, this.today());
    const page = await findPage<WarrantyView>(this.documents, WARRANTIES, filter, [{ field: 'activatedAt', direction: 'desc' }], query);
    return { ...page, items: page.items.map((w) => this.withCoverage(w)) };
  }

  async get(warrantyId: string): Promise<WarrantyDetails> {
    const warranty = await this.documents.get<WarrantyView>(WARRANTIES, warrantyId);
    if (!warranty) throw notFound('warranty.not_found', `Warranty ${warrantyId} does not exist`, { warrantyId });
    return this.withCoverage(warranty);
  }

  /** Public verification: the latest warranty of a serial, with the consumer masked. */
  async verify(serialInput: string): Promise<WarrantyVerification> {
    const serial = normaliseSerial(serialInput);
    const serialDoc = await this.documents.get<SerialNumberView>(SERIAL_NUMBERS, serial);
    if (!serialDoc) throw notFound('serial.not_found', `Serial ${serial} is not a known product`, { serial });
    const [model, latest] = await Promise.all([
      this.documents.get<BatteryModelView>(BATTERY_MODELS, serialDoc.modelId),
      this.documents.find<WarrantyView>(WARRANTIES, {
        filter: { serial },
        sort: [{ field: 'activatedAt', direction: 'desc' }],
        limit: 1,
      }),
    ]);
    const replacementSerial = serialDoc.status === 'replaced' ? (serialDoc.replacementSerial ?? null) : null;
    // A replaced battery's warranty lives on its replacement: this serial is covered no more.
    const warranty = replacementSerial ? undefined : latest.items[0];
    return {
      serial,
      status: replacementSerial ? 'transferred' : warranty ? this.withCoverage(warranty).coverage : 'none',
      replacementSerial,
      warrantyNumber: warranty?.warrantyNumber ?? null,
      model: model ? { name: model.name, sku: model.sku, capacityAh: model.capacityAh, voltage: model.voltage } : null,
      warrantyId: warranty?.id ?? null,
      startsOn: warranty?.startsOn ?? null,
      endsOn: warranty?.endsOn ?? null,
      consumer: warranty ? maskConsumer(warranty.consumer) : null,
    };
  }

  private today(): string {
    return toCalendarDate(this.clock.now().toISOString());
  }

  private withCoverage(warranty: WarrantyView): WarrantyDetails {
    return { ...warranty, coverage: coverageStatus(warranty, this.today()) };
  }
}
