import type { ClaimAssignment, ClaimHistoryEntry } from '../../../domain/warranty/claim.decider';
import type { ClaimFiling, ClaimOutcome, ClaimStatus } from '../../../domain/warranty/claim.events';

export const WARRANTY_CLAIMS = 'warranty_claims';

/** The filing as filed (`serial` stays the one filed for: a replacement moves the warranty, not the claim), then its course. */
export interface ClaimView extends Omit<ClaimFiling, 'claimId'> {
  readonly id: string;
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
