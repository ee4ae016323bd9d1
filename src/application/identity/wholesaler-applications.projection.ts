import type { WholesalerApplicationEvent } from '../../domain/identity/wholesaler-application.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { WHOLESALER_APPLICATIONS, type WholesalerApplicationView } from './wholesaler-applications.read-model';

const review = async (view: ProjectionView, event: Exclude<WholesalerApplicationEvent, { type: 'WholesalerApplicationSubmitted' }>) => {
  const application = await view.get<WholesalerApplicationView>(WHOLESALER_APPLICATIONS, event.data.userId);
  if (!application) return;
  const { reviewerId, reviewedAt, notes } = event.data;
  const status = event.type === 'WholesalerApplicationApproved' ? 'approved' : 'rejected';
  view.put(WHOLESALER_APPLICATIONS, { ...application, status, reviewerId, reviewedAt, reviewNotes: notes });
};

const applyApplicationEvent = async (event: WholesalerApplicationEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'WholesalerApplicationSubmitted': {
      // Applying again after a rejection replaces the rejected application.
      const application: WholesalerApplicationView = {
        ...event.data,
        id: event.data.userId,
        status: 'pending',
        reviewerId: null,
        reviewedAt: null,
        reviewNotes: null,
        tenantId: null,
      };
      view.put(WHOLESALER_APPLICATIONS, application);
      return;
    }
    case 'WholesalerApplicationApproved':
    case 'WholesalerApplicationRejected':
      return review(view, event);
    default:
      return assertNever(event);
  }
};

export const wholesalerApplicationsProjection: Projection = {
  name: 'wholesaler-applications-v1',
  collections: [{ name: WHOLESALER_APPLICATIONS, indexes: [{ fields: ['status'] }, { fields: ['submittedAt'] }] }],
  filter: { streamPrefixes: ['wholesaler-application-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) =>
    applyApplicationEvent({ type: recorded.type, data: recorded.data } as WholesalerApplicationEvent, view),
};
