import type { WarrantyConsumer } from '../../domain/warranty/warranty.decider';

export const WARRANTIES = 'warranties';

export interface WarrantyView {
  readonly id: string;
  readonly serial: string;
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Stored status; "expired" is derived at read time from endsOn. */
  readonly status: 'active' | 'void';
  readonly activatedAt: string;
  readonly activatedBy: string | null;
  readonly voidedAt: string | null;
  readonly voidReason: string | null;
  readonly [field: string]: unknown;
}
