import { assertNever } from '../../../domain/shared/decider';
import { ClaimDecider, claimStreamId, type ClaimEvent } from '../../../domain/warranty/claim.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import { toConsumer, type NotificationRule, type PlannedNotification } from '../notification-rule';

type StatusEvent = Exclude<ClaimEvent, { type: 'ClaimAssigned' }>;

/** What the consumer reads at each step; staff notes stay with staff, a rejection's reason does not. */
const wording = (event: StatusEvent): { readonly status: string; readonly headline: string; readonly detail: string | null } => {
  switch (event.type) {
    case 'ClaimFiled':
      return { status: 'filed', headline: 'We have received your warranty claim', detail: 'We will look at it and keep you informed.' };
    case 'ClaimReviewStarted':
      return { status: 'under_review', headline: 'Your warranty claim is under review', detail: null };
    case 'ClaimApproved':
      return { status: 'approved', headline: 'Your warranty claim is approved', detail: 'We will repair or replace your battery.' };
    case 'ClaimRejected':
      return { status: 'rejected', headline: 'Your warranty claim was not approved', detail: null };
    case 'ClaimResolved':
      return event.data.outcome === 'replaced'
        ? { status: 'resolved', headline: 'Your battery has been replaced', detail: 'Your warranty continues, with the same number and dates, on the new battery.' }
        : { status: 'resolved', headline: 'Your battery has been repaired', detail: null };
    default:
      return assertNever(event);
  }
};

/**
 * Tells the consumer at each step of their claim (filed, under review, approved, rejected, resolved): an email when
 * the warranty names an address, an SMS when it names a phone that reads as E.164. The claim number and contact
 * come from the claim's stream, which is current even when read models lag.
 */
export class ClaimUpdatesRule implements NotificationRule {
  readonly name = 'claim-updates';
  readonly eventTypes = ['ClaimFiled', 'ClaimReviewStarted', 'ClaimApproved', 'ClaimRejected', 'ClaimResolved'];

  constructor(
    private readonly eventStore: EventStore,
    private readonly defaultCountryCode: string,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const claimEvent = { type: event.type, data: event.data } as StatusEvent;
    const { state: claim } = await loadAggregate(this.eventStore, ClaimDecider, claimStreamId(claimEvent.data.claimId));
    if (claim.status === 'none') return [];
    const { consumer } = claim;
    const data = {
      name: consumer.name,
      claimNumber: claim.claimNumber,
      warrantyNumber: claim.warrantyNumber,
      serial: claim.serial,
      ...wording(claimEvent),
      reason: claimEvent.type === 'ClaimRejected' ? claimEvent.data.reason : null,
      replacementSerial: claimEvent.type === 'ClaimResolved' ? claimEvent.data.replacementSerial : null,
    };
    return toConsumer(consumer, this.defaultCountryCode, 'claim-updated', data);
  }
}
