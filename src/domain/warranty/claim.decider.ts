import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type {
  ClaimCommand,
  ClaimEvent,
  ClaimFiling,
  ClaimOutcome,
  ClaimStatus,
  ClaimStep,
  FileClaim,
  ResolveClaim,
} from './claim.events';
import { isClaimNumber } from './claim-number';

export * from './claim.events';

export interface ClaimHistoryEntry {
  readonly status: ClaimStatus;
  readonly at: string;
  readonly by: string | null;
  readonly notes: string | null;
}

export interface ClaimAssignment {
  readonly assigneeId: string;
  readonly at: string;
  readonly by: string | null;
  readonly notes: string | null;
}

type FiledClaim = ClaimFiling & {
  readonly assigneeId: string | null;
  readonly history: readonly ClaimHistoryEntry[];
  readonly assignments: readonly ClaimAssignment[];
};

export type ClaimState =
  | { readonly status: 'none' }
  | ({ readonly status: 'pending' | 'under_review' | 'approved' } & FiledClaim)
  | ({ readonly status: 'rejected'; readonly rejectionReason: string } & FiledClaim)
  | ({ readonly status: 'resolved'; readonly outcome: ClaimOutcome; readonly replacementSerial: string | null } & FiledClaim);

export const MIN_DESCRIPTION_LENGTH = 10;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_ATTACHMENTS = 5;
export const MAX_NOTES_LENGTH = 1000;

/** Rejected and resolved claims are closed for good: nothing changes them any more. */
export const isFinalClaimStatus = (status: ClaimStatus): boolean => status === 'rejected' || status === 'resolved';

type Transition = Exclude<ClaimCommand['type'], 'FileClaim' | 'AssignClaim'>;

/** The one workflow: pending -> under_review -> approved | rejected; approved -> resolved. */
const TRANSITIONS: Readonly<Record<Transition, { readonly from: ClaimStatus; readonly to: ClaimStatus }>> = {
  StartClaimReview: { from: 'pending', to: 'under_review' },
  ApproveClaim: { from: 'under_review', to: 'approved' },
  RejectClaim: { from: 'under_review', to: 'rejected' },
  ResolveClaim: { from: 'approved', to: 'resolved' },
};

const assertNotes = (notes: string | null): void => {
  if (notes !== null && notes.length > MAX_NOTES_LENGTH) {
    throw invalid('claim.invalid_notes', `Notes are at most ${MAX_NOTES_LENGTH} characters`);
  }
};

const file = (data: FileClaim['data'], state: ClaimState): readonly ClaimEvent[] => {
  const { coverage, ...filing } = data;
  const description = filing.description.trim();
  if (description.length < MIN_DESCRIPTION_LENGTH || description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalid('claim.invalid_description', `A description is ${MIN_DESCRIPTION_LENGTH}..${MAX_DESCRIPTION_LENGTH} characters`);
  }
  if (filing.attachments.length > MAX_ATTACHMENTS) {
    throw invalid('claim.too_many_attachments', `A claim carries at most ${MAX_ATTACHMENTS} photos`, { count: filing.attachments.length });
  }
  if (!isClaimNumber(filing.claimNumber)) {
    throw invalid('claim.invalid_number', 'A claim number reads CL-XXXX-XXXX', { claimNumber: filing.claimNumber });
  }
  if (coverage !== 'active') {
    throw conflict('claim.warranty_not_active', `Warranty ${filing.warrantyNumber} is ${coverage}; only an active warranty can be claimed`, {
      warrantyId: filing.warrantyId,
      coverage,
    });
  }
  if (state.status !== 'none') throw conflict('claim.already_exists', `Claim ${filing.claimId} already exists`, { claimId: filing.claimId });
  return [{ type: 'ClaimFiled', data: { ...filing, description } }];
};

const invalidTransition = (claimId: string, from: ClaimStatus, to: ClaimStatus) =>
  conflict('claim.invalid_transition', `A ${from} claim cannot become ${to}`, { claimId, from, to });

const assertResolution = (data: ResolveClaim['data'], serial: string): void => {
  if (data.outcome === 'replaced' && !data.replacementSerial) {
    throw invalid('claim.replacement_serial_required', 'A replacement names the serial that replaces the battery');
  }
  if (data.outcome === 'repaired' && data.replacementSerial !== null) {
    throw invalid('claim.replacement_serial_not_allowed', 'A repair names no replacement serial');
  }
  if (data.replacementSerial === serial) {
    throw invalid('claim.replacement_is_same', 'A battery cannot replace itself', { serial });
  }
};

const transition = (command: Exclude<ClaimCommand, FileClaim | { type: 'AssignClaim' }>, state: ClaimState): readonly ClaimEvent[] => {
  const { from, to } = TRANSITIONS[command.type];
  const { claimId } = command.data;
  if (state.status === 'none') throw notFound('claim.not_found', `Claim ${claimId} does not exist`, { claimId });
  assertNotes(command.data.notes);
  switch (command.type) {
    case 'StartClaimReview':
      if (state.status !== from) throw invalidTransition(claimId, state.status, to);
      return [{ type: 'ClaimReviewStarted', data: command.data }];
    case 'ApproveClaim':
      if (state.status !== from) throw invalidTransition(claimId, state.status, to);
      return [{ type: 'ClaimApproved', data: command.data }];
    case 'RejectClaim': {
      const reason = command.data.reason.trim();
      if (reason.length === 0 || reason.length > MAX_NOTES_LENGTH) {
        throw invalid('claim.reason_required', `A rejection gives a reason of 1..${MAX_NOTES_LENGTH} characters`);
      }
      if (state.status !== from) throw invalidTransition(claimId, state.status, to);
      return [{ type: 'ClaimRejected', data: { ...command.data, reason } }];
    }
    case 'ResolveClaim': {
      assertResolution(command.data, state.serial);
      const { outcome, replacementSerial } = command.data;
      // A retried resolution (the replacement's last step) changes nothing.
      if (state.status === 'resolved' && state.outcome === outcome && state.replacementSerial === replacementSerial) return [];
      if (state.status !== from) throw invalidTransition(claimId, state.status, to);
      return [{ type: 'ClaimResolved', data: command.data }];
    }
    default:
      return assertNever(command);
  }
};

const decide = (command: ClaimCommand, state: ClaimState): readonly ClaimEvent[] => {
  switch (command.type) {
    case 'FileClaim':
      return file(command.data, state);
    case 'AssignClaim': {
      const { claimId, assigneeId, notes } = command.data;
      if (state.status === 'none') throw notFound('claim.not_found', `Claim ${claimId} does not exist`, { claimId });
      assertNotes(notes);
      if (assigneeId.length === 0) throw invalid('claim.invalid_assignee', 'An assignment names a user');
      if (isFinalClaimStatus(state.status)) {
        throw conflict('claim.closed', `A ${state.status} claim is closed and cannot be assigned`, { claimId, status: state.status });
      }
      if (state.assigneeId === assigneeId) return [];
      return [{ type: 'ClaimAssigned', data: command.data }];
    }
    case 'StartClaimReview':
    case 'ApproveClaim':
    case 'RejectClaim':
    case 'ResolveClaim':
      return transition(command, state);
    default:
      return assertNever(command);
  }
};

const entry = (status: ClaimStatus, step: ClaimStep): ClaimHistoryEntry => ({ status, at: step.at, by: step.by, notes: step.notes });

const evolve = (state: ClaimState, event: ClaimEvent): ClaimState => {
  if (event.type === 'ClaimFiled') {
    const filed = { status: 'pending', at: event.data.filedAt, by: event.data.filedBy, notes: null } as const;
    return { ...event.data, status: 'pending', assigneeId: null, history: [filed], assignments: [] };
  }
  if (state.status === 'none') return state;
  // Only open claims move on (the decider sees to it), so nothing of a closed status is carried along.
  const { status: _status, ...filed } = state;
  switch (event.type) {
    case 'ClaimReviewStarted':
      return { ...filed, status: 'under_review', history: [...state.history, entry('under_review', event.data)] };
    case 'ClaimApproved':
      return { ...filed, status: 'approved', history: [...state.history, entry('approved', event.data)] };
    case 'ClaimRejected':
      return { ...filed, status: 'rejected', rejectionReason: event.data.reason, history: [...state.history, entry('rejected', event.data)] };
    case 'ClaimResolved': {
      const { outcome, replacementSerial } = event.data;
      return { ...filed, status: 'resolved', outcome, replacementSerial, history: [...state.history, entry('resolved', event.data)] };
    }
    case 'ClaimAssigned': {
      const { assigneeId, at, by, notes } = event.data;
      return { ...state, assigneeId, assignments: [...state.assignments, { assigneeId, at, by, notes }] };
    }
    default:
      return assertNever(event);
  }
};

export const ClaimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
