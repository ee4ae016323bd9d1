import type { WarrantyChannel, WarrantyConsumer } from '../../domain/warranty/warranty.decider';

export const WARRANTIES = 'warranties';

export interface WarrantyView {
  readonly id: string;
  readonly warrantyNumber: string;
  /** The serial the warranty covers now; a claim's replacement moves it, and the old ones are kept in order. */
  readonly serial: string;
  readonly previousSerials: readonly string[];
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  readonly channel: WarrantyChannel;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Stored status; an active warranty past its end date reads as expired before the sweep records it. */
  readonly status: 'active' | 'expired' | 'void' | 'transferred';
  readonly activatedAt: string;
  readonly activatedBy: string | null;
  readonly remindedAt: string | null;
  readonly expiredAt: string | null;
  readonly voidedAt: string | null;
  readonly voidReason: string | null;
  readonly [field: string]: unknown;
}
