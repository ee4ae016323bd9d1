import { WarrantyDecider, warrantyStreamId, type WarrantyExpired, type WarrantyExpiryReminded } from '../../../domain/warranty/warranty.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import { verifyUrl } from '../../warranty/warranty-presentation';
import { modelNameOf } from './model-name';
import { toConsumer, type NotificationRule, type PlannedNotification } from '../notification-rule';

const TEMPLATES: Readonly<Record<string, string>> = {
  WarrantyExpiryReminded: 'warranty-expiring',
  WarrantyExpired: 'warranty-expired',
};

/**
 * Tells the consumer their warranty ends soon (the sweep's reminder, 30 days before) and that it has ended: an email
 * and an SMS where they gave them. Contact and model come from the streams, current even when read models lag.
 */
export class WarrantyExpiryRule implements NotificationRule {
  readonly name = 'warranty-expiry';
  readonly eventTypes = Object.keys(TEMPLATES);

  constructor(
    private readonly eventStore: EventStore,
    private readonly publicBaseUrl: string,
    private readonly defaultCountryCode: string,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const template = TEMPLATES[event.type]!;
    const { serial, warrantyId, endsOn } = (event as unknown as WarrantyExpiryReminded | WarrantyExpired).data;
    const { state: warranty } = await loadAggregate(this.eventStore, WarrantyDecider, warrantyStreamId(serial));
    if (warranty.status === 'none' || warranty.warrantyId !== warrantyId) return [];
    const { consumer } = warranty;
    const data = {
      name: consumer.name,
      warrantyNumber: warranty.warrantyNumber,
      serial,
      modelName: await modelNameOf(this.eventStore, warranty.modelId),
      endsOn,
      verifyUrl: verifyUrl(this.publicBaseUrl, serial),
    };
    return toConsumer(consumer, this.defaultCountryCode, template, data);
  }
}
