import { UserDecider, userStreamId } from '../../../domain/identity/user.decider';
import type {
  WholesalerApplicationApproved,
  WholesalerApplicationRejected,
} from '../../../domain/identity/wholesaler-application.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import type { NotificationRule, PlannedNotification } from '../notification-rule';

type Decision = WholesalerApplicationApproved | WholesalerApplicationRejected;

/** Tells the applicant the outcome of their wholesaler application, at the address their account has now. */
export class WholesalerApplicationDecidedRule implements NotificationRule {
  readonly name = 'wholesaler-application-decided';
  readonly eventTypes = ['WholesalerApplicationApproved', 'WholesalerApplicationRejected'];

  constructor(private readonly eventStore: EventStore) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const decision = { type: event.type, data: event.data } as Decision;
    const { state: applicant } = await loadAggregate(this.eventStore, UserDecider, userStreamId(decision.data.userId));
    if (applicant.status === 'none' || !applicant.email) return [];
    const data = {
      name: applicant.name,
      approved: decision.type === 'WholesalerApplicationApproved',
      notes: decision.data.notes ?? null,
    };
    return [{ key: 'email:applicant', channel: 'email', to: applicant.email, template: 'wholesaler-application-decided', data }];
  }
}
