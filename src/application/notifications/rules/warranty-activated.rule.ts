import type { WarrantyActivated } from '../../../domain/warranty/warranty.decider';
import { verifyUrl } from '../../warranty/warranty-presentation';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import { modelNameOf } from './model-name';
import { toConsumer, type NotificationRule, type PlannedNotification } from '../notification-rule';

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
    private readonly defaultCountryCode: string,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const activation = event.data as Activation;
    const { consumer, serial } = activation;
    if (!consumer.email && !consumer.phone) return [];
    const data = {
      name: consumer.name,
      warrantyNumber: activation.warrantyNumber ?? null,
      serial,
      modelName: await modelNameOf(this.eventStore, activation.modelId),
      startsOn: activation.startsOn,
      endsOn: activation.endsOn,
      verifyUrl: verifyUrl(this.publicBaseUrl, serial),
    };
    return toConsumer(consumer, this.defaultCountryCode, 'warranty-activated', data);
  }
}
