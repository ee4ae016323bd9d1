import type { ClaimAssignment, ClaimHistoryEntry } from '../../../domain/warranty/claim.decider';
import type { ClaimAttachment, ClaimChannel, ClaimOutcome, ClaimStatus } from '../../../domain/warranty/claim.events';
import type { WarrantyConsumer } from '../../../domain/warranty/warranty.events';

export const WARRANTY_CLAIMS = 'warranty_claims';

export interface ClaimView {
  readonly id: string;
  readonly claimNumber: string;
  readonly warrantyId: string;
  readonly warrantyNumber: string;
  /** The serial the claim was filed for (a replacement moves the warranty, not the claim). */
  readonly serial: string;
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  readonly consumerUserId: string | null;
  readonly description: string;
  readonly attachments: readonly ClaimAttachment[];
  readonly channel: ClaimChannel;
  readonly filedBy: string | null;
  readonly filedAt: string;
  readonly status: ClaimStatus;
  readonly assigneeId: string | null;
  readonly assignments: readonly ClaimAssignment[];
  readonly history: readonly ClaimHistoryEntry[];
  readonly rejectionReason: string | null;
  readonly outcome: ClaimOutcome | null;
  readonly replacementSerial: string | null;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly [field: string]: unknown;
}
