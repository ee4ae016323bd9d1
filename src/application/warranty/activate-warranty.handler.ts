import { BatteryModelDecider, batteryModelStreamId } from '../../domain/inventory/battery-model.decider';
import { normaliseSerial } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { isDomainError, notFound } from '../../domain/shared/domain-error';
import { formatWarrantyNumber, WARRANTY_NUMBER_ALPHABET, WARRANTY_NUMBER_BODY_LENGTH } from '../../domain/warranty/warranty-number';
import {
  WarrantyDecider,
  warrantyStreamId,
  type WarrantyActivated,
  type WarrantyChannel,
  type WarrantyConsumer,
} from '../../domain/warranty/warranty.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { newCode } from '../shared/derived-code';
import { loadAggregate } from '../shared/load-aggregate';

export interface ActivateWarrantyInput {
  readonly serial: string;
  readonly consumer: WarrantyConsumer;
}

export type ActivatedWarranty = Positioned & WarrantyActivated['data'] & { readonly replayed: boolean };

export const WARRANTY_NUMBER_SCOPE = 'warranty_number';
const NUMBER_ATTEMPTS = 5;

/** The channel follows from who acts: consumers activate, wholesalers issue at the sale, anyone else is staff. */
export const channelOf = (context: CommandContext): WarrantyChannel => {
  const role = context.actor?.role;
  if (role === 'consumer') return 'consumer';
  return role === 'wholesaler' ? 'wholesaler' : 'staff';
};

/**
 * Activates (or, for a wholesaler or staff, issues) a warranty. The serial's status and the model's warranty months
 * are read from their own streams and passed to the decider as facts; the warranty stream per serial makes "at most
 * one active warranty" a single-stream invariant. The warranty number is claimed through its own stream first and
 * given back if the activation is refused.
 */
export class ActivateWarrantyHandler {
  constructor(private readonly services: CommandServices) {}

  async execute(input: ActivateWarrantyInput, context: CommandContext): Promise<ActivatedWarranty> {
    const { eventStore, executor, metadata, clock } = this.services;
    const serial = normaliseSerial(input.serial);
    const serialState = (await loadAggregate(eventStore, SerialNumberDecider, serialNumberStreamId(serial))).state;
    if (serialState.status === 'none') throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    const model = (await loadAggregate(eventStore, BatteryModelDecider, batteryModelStreamId(serialState.modelId))).state;
    if (model.status === 'none') {
      throw notFound('battery_model.not_found', `The model of serial ${serial} does not exist`, { serial });
    }
    const warrantyId = metadata.entityId('activate-warranty', context);
    const warrantyNumber = await this.claimNumber(warrantyId, context);
    try {
      const result = await executor.execute({
        operation: 'activate-warranty',
        decider: WarrantyDecider,
        streamId: warrantyStreamId(serial),
        command: {
          type: 'ActivateWarranty',
          data: {
            warrantyId,
            warrantyNumber,
            serial,
            serialStatus: serialState.status,
            modelId: model.modelId,
            warrantyMonths: model.warrantyMonths,
            consumer: input.consumer,
            channel: channelOf(context),
            activatedAt: clock.now().toISOString(),
            activatedBy: context.actor?.userId ?? null,
          },
        },
        context,
      });
      const activated = result.events.find((e): e is WarrantyActivated => e.type === 'WarrantyActivated');
      if (!activated) throw new Error(`Activation of ${serial} produced no WarrantyActivated event`);
      return { ...activated.data, position: result.position, replayed: result.replayed };
    } catch (error) {
      await this.services.uniqueKeys.giveBack([[WARRANTY_NUMBER_SCOPE, warrantyNumber]], warrantyId, context);
      throw error;
    }
  }

  /** A fresh number held for this warranty; a number someone else holds draws another. */
  private async claimNumber(warrantyId: string, context: CommandContext): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const body = newCode(this.services.ids, context, `warranty-number\u0000${attempt}`, WARRANTY_NUMBER_BODY_LENGTH, WARRANTY_NUMBER_ALPHABET);
      const warrantyNumber = formatWarrantyNumber(body);
      try {
        await this.services.uniqueKeys.reserve(WARRANTY_NUMBER_SCOPE, warrantyNumber, warrantyId, context);
        return warrantyNumber;
      } catch (error) {
        const taken = isDomainError(error) && error.code === `${WARRANTY_NUMBER_SCOPE}.already_taken`;
        if (!taken || attempt + 1 >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }
}
