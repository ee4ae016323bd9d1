import { isE164Phone } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/** A consumer's request to become a Lithovolt wholesaler: one stream per applicant, reused when they apply again. */
export const wholesalerApplicationStreamId = (userId: string): string => `wholesaler-application-${userId}`;

export interface BusinessDetails {
  readonly businessName: string;
  readonly registrationNumber: string;
  readonly taxNumber: string | null;
  readonly address: string;
  /** E.164. */
  readonly phone: string;
  readonly notes: string | null;
}

export type SubmitWholesalerApplication = DomainCommand<
  'SubmitWholesalerApplication',
  BusinessDetails & { readonly userId: string; readonly submittedAt: string }
>;
export type ApproveWholesalerApplication = DomainCommand<
  'ApproveWholesalerApplication',
  { readonly userId: string; readonly reviewerId: string; readonly reviewedAt: string; readonly notes: string | null }
>;
export type RejectWholesalerApplication = DomainCommand<
  'RejectWholesalerApplication',
  { readonly userId: string; readonly reviewerId: string; readonly reviewedAt: string; readonly notes: string }
>;
export type WholesalerApplicationCommand = SubmitWholesalerApplication | ApproveWholesalerApplication | RejectWholesalerApplication;

export type WholesalerApplicationSubmitted = DomainEvent<'WholesalerApplicationSubmitted', SubmitWholesalerApplication['data']>;
export type WholesalerApplicationApproved = DomainEvent<'WholesalerApplicationApproved', ApproveWholesalerApplication['data']>;
export type WholesalerApplicationRejected = DomainEvent<'WholesalerApplicationRejected', RejectWholesalerApplication['data']>;
export type WholesalerApplicationEvent = WholesalerApplicationSubmitted | WholesalerApplicationApproved | WholesalerApplicationRejected;

type Submission = SubmitWholesalerApplication['data'];
interface Review {
  readonly reviewerId: string;
  readonly reviewedAt: string;
  readonly reviewNotes: string | null;
}
export type WholesalerApplicationState =
  | { readonly status: 'none' }
  | ({ readonly status: 'pending' } & Submission)
  | ({ readonly status: 'approved' } & Submission & Review)
  | ({ readonly status: 'rejected' } & Submission & Review);

const MAX_LENGTHS = { businessName: 200, registrationNumber: 64, taxNumber: 64, address: 500, notes: 1000 } as const;

const assertText = (field: keyof typeof MAX_LENGTHS, value: string | null, required: boolean): void => {
  const blank = value === null || value.trim().length === 0;
  if ((required && blank) || (value !== null && value.length > MAX_LENGTHS[field])) {
    const qualifier = required ? `1..${MAX_LENGTHS[field]}` : `at most ${MAX_LENGTHS[field]}`;
    throw invalid('wholesaler_application.invalid_field', `${field} has ${qualifier} characters`, { field });
  }
};

const assertDetails = (details: BusinessDetails): void => {
  assertText('businessName', details.businessName, true);
  assertText('registrationNumber', details.registrationNumber, true);
  assertText('taxNumber', details.taxNumber, false);
  assertText('address', details.address, true);
  assertText('notes', details.notes, false);
  if (!isE164Phone(details.phone)) {
    throw invalid('wholesaler_application.invalid_field', 'phone is not in E.164 form', { field: 'phone' });
  }
};

const missing = (userId: string) =>
  notFound('wholesaler_application.not_found', `There is no wholesaler application ${userId}`, { id: userId });

const notPending = (userId: string, status: string) =>
  conflict('wholesaler_application.not_pending', `The wholesaler application is ${status}, not pending`, { id: userId, status });

const submit = (data: Submission, state: WholesalerApplicationState): WholesalerApplicationEvent[] => {
  assertDetails(data);
  // A rejected applicant may try again; a pending or approved one has nothing to apply for.
  if (state.status === 'pending' || state.status === 'approved') {
    throw conflict(`wholesaler_application.already_${state.status}`, `Your wholesaler application is already ${state.status}`, {
      id: data.userId,
      status: state.status,
    });
  }
  return [{ type: 'WholesalerApplicationSubmitted', data }];
};

const approve = (data: ApproveWholesalerApplication['data'], state: WholesalerApplicationState): WholesalerApplicationEvent[] => {
  if (state.status === 'none') throw missing(data.userId);
  if (data.notes !== null) assertText('notes', data.notes, false);
  // Approving again changes nothing, so a retried approval can finish granting the role.
  if (state.status === 'approved') return [];
  if (state.status === 'rejected') throw notPending(data.userId, state.status);
  return [{ type: 'WholesalerApplicationApproved', data }];
};

const reject = (data: RejectWholesalerApplication['data'], state: WholesalerApplicationState): WholesalerApplicationEvent[] => {
  if (state.status === 'none') throw missing(data.userId);
  if (data.notes.trim().length === 0) {
    throw invalid('wholesaler_application.notes_required', 'A rejection says why, in notes', { field: 'notes' });
  }
  assertText('notes', data.notes, false);
  if (state.status !== 'pending') throw notPending(data.userId, state.status);
  return [{ type: 'WholesalerApplicationRejected', data }];
};

const decide = (command: WholesalerApplicationCommand, state: WholesalerApplicationState): readonly WholesalerApplicationEvent[] => {
  switch (command.type) {
    case 'SubmitWholesalerApplication':
      return submit(command.data, state);
    case 'ApproveWholesalerApplication':
      return approve(command.data, state);
    case 'RejectWholesalerApplication':
      return reject(command.data, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: WholesalerApplicationState, event: WholesalerApplicationEvent): WholesalerApplicationState => {
  switch (event.type) {
    case 'WholesalerApplicationSubmitted':
      return { status: 'pending', ...event.data };
    case 'WholesalerApplicationApproved':
    case 'WholesalerApplicationRejected': {
      if (state.status !== 'pending') return state;
      const { reviewerId, reviewedAt, notes } = event.data;
      const status = event.type === 'WholesalerApplicationApproved' ? 'approved' : 'rejected';
      return { ...state, status, reviewerId, reviewedAt, reviewNotes: notes };
    }
    default:
      return assertNever(event);
  }
};

export const WholesalerApplicationDecider: Decider<WholesalerApplicationCommand, WholesalerApplicationEvent, WholesalerApplicationState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
