import { BatteryModelDecider, batteryModelStreamId } from '../../../domain/inventory/battery-model.decider';
import type { WarrantyActivated } from '../../../domain/warranty/warranty.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import { verifyUrl } from '../../warranty/warranty-presentation';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import type { NotificationRule, PlannedNotification } from '../notification-rule';

/** The activation event; activations stored before warranty numbers existed carry none. */
type Activation = Omit<WarrantyActivated['data'], 'warrantyNumber'> & { readonly warrantyNumber?: string };

/**
 * Tells the consumer their warranty is active: an email (HTML and text) when they gave an address, an SMS when
 * they gave a phone. The model's name is read from its stream, which is current even when read models lag.
 */
export class WarrantyActivatedRule implements NotificationRule {
  readonly name = 'warranty-activated';
  readonly eventTypes = ['WarrantyActivated'];

  /** `publicBaseUrl`: where the public verification page (`/verify/<serial>`) is served. */
  constructor(
    private readonly eventStore: EventStore,
    private readonly publicBaseUrl: string,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const activation = event.data as Activation;
    const { consumer, serial } = activation;
    if (!consumer.email && !consumer.phone) return [];
    const { state: model } = await loadAggregate(this.eventStore, BatteryModelDecider, batteryModelStreamId(activation.modelId));
    const data = {
      name: consumer.name,
      warrantyNumber: activation.warrantyNumber ?? null,
      serial,
      modelName: model.status === 'none' ? null : model.name,
      startsOn: activation.startsOn,
      endsOn: activation.endsOn,
      verifyUrl: verifyUrl(this.publicBaseUrl, serial),
    };
    const planned: PlannedNotification[] = [];
    if (consumer.email) planned.push({ key: 'email:consumer', channel: 'email', to: consumer.email, template: 'warranty-activated', data });
    if (consumer.phone) planned.push({ key: 'sms:consumer', channel: 'sms', to: consumer.phone, template: 'warranty-activated', data });
    return planned;
  }
}
