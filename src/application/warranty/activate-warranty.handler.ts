import { BatteryModelDecider, batteryModelStreamId } from '../../domain/inventory/battery-model.decider';
import { normaliseSerial } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { notFound } from '../../domain/shared/domain-error';
import {
  WarrantyDecider,
  warrantyStreamId,
  type WarrantyActivated,
  type WarrantyConsumer,
} from '../../domain/warranty/warranty.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { loadAggregate } from '../shared/load-aggregate';

export interface ActivateWarrantyInput {
  readonly serial: string;
  readonly consumer: WarrantyConsumer;
}

export type ActivatedWarranty = Positioned & WarrantyActivated['data'] & { readonly replayed: boolean };

/**
 * Activates (or, for staff, issues) a warranty. The serial's status and the model's warranty months are
 * read from their own streams and passed to the decider as facts; the warranty stream per serial makes
 * "at most one active warranty" a single-stream invariant.
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
    const result = await executor.execute({
      operation: 'activate-warranty',
      decider: WarrantyDecider,
      streamId: warrantyStreamId(serial),
      command: {
        type: 'ActivateWarranty',
        data: {
          warrantyId: metadata.entityId('activate-warranty', context),
          serial,
          serialStatus: serialState.status,
          modelId: model.modelId,
          warrantyMonths: model.warrantyMonths,
          consumer: input.consumer,
          activatedAt: clock.now().toISOString(),
          activatedBy: context.actor?.userId ?? null,
        },
      },
      context,
    });
    const activated = result.events.find((e): e is WarrantyActivated => e.type === 'WarrantyActivated');
    if (!activated) throw new Error(`Activation of ${serial} produced no WarrantyActivated event`);
    return { ...activated.data, position: result.position, replayed: result.replayed };
  }
}
