import { assertNever } from '../../../domain/shared/decider';
import type { ClaimEvent, ClaimStatus, ClaimStep } from '../../../domain/warranty/claim.events';
import type { RecordedEvent } from '../../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../../shared/ports/projection.port';
import { updateDocument } from '../../shared/projections/update-document';
import { WARRANTY_CLAIMS, type ClaimView } from './claims.read-model';

type Changes = Partial<Omit<ClaimView, 'id'>>;

const update = (view: ProjectionView, claimId: string, changes: (claim: ClaimView) => Changes) =>
  updateDocument<ClaimView>(view, WARRANTY_CLAIMS, claimId, (claim) => ({ ...claim, ...changes(claim) }));

/** A status change: recorded in the history with who, when and why. */
const moved = (view: ProjectionView, status: ClaimStatus, step: ClaimStep, changes: Changes = {}) =>
  update(view, step.claimId, (claim) => ({
    status,
    history: [...claim.history, { status, at: step.at, by: step.by, notes: step.notes }],
    updatedAt: step.at,
    ...changes,
  }));

const applyClaimEvent = async (event: ClaimEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'ClaimFiled': {
      const { claimId, ...filing } = event.data;
      view.put(WARRANTY_CLAIMS, {
        id: claimId,
        ...filing,
        status: 'pending',
        assigneeId: null,
        assignments: [],
        history: [{ status: 'pending', at: filing.filedAt, by: filing.filedBy, notes: null }],
        rejectionReason: null,
        outcome: null,
        replacementSerial: null,
        updatedAt: filing.filedAt,
        closedAt: null,
      } satisfies ClaimView);
      return;
    }
    case 'ClaimReviewStarted':
      return moved(view, 'under_review', event.data);
    case 'ClaimApproved':
      return moved(view, 'approved', event.data);
    case 'ClaimRejected':
      return moved(view, 'rejected', event.data, { rejectionReason: event.data.reason, closedAt: event.data.at });
    case 'ClaimResolved': {
      const { outcome, replacementSerial, at } = event.data;
      return moved(view, 'resolved', event.data, { outcome, replacementSerial, closedAt: at });
    }
    case 'ClaimAssigned': {
      const { assigneeId, at, by, notes } = event.data;
      return update(view, event.data.claimId, (claim) => ({
        assigneeId,
        assignments: [...claim.assignments, { assigneeId, at, by, notes }],
        updatedAt: at,
      }));
    }
    default:
      return assertNever(event);
  }
};

/** Warranty claims for the support desk's lists and the consumer's own. */
export const claimsProjection: Projection = {
  name: 'warranty-claims-v1',
  collections: [
    {
      name: WARRANTY_CLAIMS,
      indexes: [
        { fields: ['filedAt'] },
        { fields: ['status', 'filedAt'] },
        { fields: ['assigneeId', 'filedAt'] },
        { fields: ['consumerUserId', 'filedAt'] },
        { fields: ['serial'] },
        { fields: ['warrantyId'] },
        { fields: ['claimNumber'], unique: true },
      ],
    },
  ],
  filter: { streamPrefixes: ['claim-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => applyClaimEvent({ type: recorded.type, data: recorded.data } as ClaimEvent, view),
};
