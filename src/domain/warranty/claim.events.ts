import type { DomainCommand, DomainEvent } from '../shared/event';
import type { CoverageStatus } from './warranty.decider';
import type { WarrantyConsumer } from './warranty.events';

/** One stream per claim; the claim number and "one open claim per warranty" are unique keys of their own. */
export const claimStreamId = (claimId: string): string => `claim-${claimId}`;

export type ClaimStatus = 'pending' | 'under_review' | 'approved' | 'rejected' | 'resolved';

/** Who filed: the consumer signed in, the consumer on the public form (serial + phone), or the maker's staff. */
export type ClaimChannel = 'consumer' | 'public' | 'staff';

export type ClaimOutcome = 'repaired' | 'replaced';

/** A photo stored beside the claim; the bytes live in the attachment store under `attachmentId`. */
export interface ClaimAttachment {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** Who did a step, when, and why (notes are optional). */
export interface ClaimStep {
  readonly claimId: string;
  readonly by: string | null;
  readonly at: string;
  readonly notes: string | null;
}

export interface ClaimFiling {
  readonly claimId: string;
  readonly claimNumber: string;
  readonly warrantyId: string;
  readonly warrantyNumber: string;
  readonly serial: string;
  readonly modelId: string;
  readonly consumer: WarrantyConsumer;
  /** The consumer's account, when one matches the warranty's consumer: it may follow the claim. */
  readonly consumerUserId: string | null;
  readonly description: string;
  readonly attachments: readonly ClaimAttachment[];
  readonly channel: ClaimChannel;
  readonly filedBy: string | null;
  readonly filedAt: string;
}

/** `coverage` is the warranty's coverage today, as the handler read it from the warranty stream. */
export type FileClaim = DomainCommand<'FileClaim', ClaimFiling & { readonly coverage: CoverageStatus }>;
export type StartClaimReview = DomainCommand<'StartClaimReview', ClaimStep>;
export type ApproveClaim = DomainCommand<'ApproveClaim', ClaimStep>;
export type RejectClaim = DomainCommand<'RejectClaim', ClaimStep & { readonly reason: string }>;
export type ResolveClaim = DomainCommand<
  'ResolveClaim',
  ClaimStep & { readonly outcome: ClaimOutcome; readonly replacementSerial: string | null }
>;
export type AssignClaim = DomainCommand<'AssignClaim', ClaimStep & { readonly assigneeId: string }>;
export type ClaimCommand = FileClaim | StartClaimReview | ApproveClaim | RejectClaim | ResolveClaim | AssignClaim;

export type ClaimFiled = DomainEvent<'ClaimFiled', ClaimFiling>;
export type ClaimReviewStarted = DomainEvent<'ClaimReviewStarted', ClaimStep>;
export type ClaimApproved = DomainEvent<'ClaimApproved', ClaimStep>;
export type ClaimRejected = DomainEvent<'ClaimRejected', RejectClaim['data']>;
export type ClaimResolved = DomainEvent<'ClaimResolved', ResolveClaim['data']>;
export type ClaimAssigned = DomainEvent<'ClaimAssigned', AssignClaim['data']>;
export type ClaimEvent = ClaimFiled | ClaimReviewStarted | ClaimApproved | ClaimRejected | ClaimResolved | ClaimAssigned;

/** The events that change a claim's status (every one but an assignment). */
export const CLAIM_STATUS_EVENTS = ['ClaimFiled', 'ClaimReviewStarted', 'ClaimApproved', 'ClaimRejected', 'ClaimResolved'] as const;
