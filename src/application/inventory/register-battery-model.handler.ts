import {
  BatteryModelDecider,
  batteryModelStreamId,
  type BatteryModelSpec,
  type RegisterBatteryModel,
} from '../../domain/inventory/battery-model.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';

export interface RegisterBatteryModelInput extends BatteryModelSpec {
  readonly sku: string;
  /** Defaults to the SKU's first letters and digits (up to 6). */
  readonly serialPrefix?: string | undefined;
}

export const defaultSerialPrefix = (sku: string): string => sku.replace(/[^A-Z0-9]/g, '').slice(0, 6);

/** Registers a model; its SKU is claimed first through the SKU's own stream. */
export class RegisterBatteryModelHandler {
  constructor(private readonly services: CommandServices) {}

  async execute(input: RegisterBatteryModelInput, context: CommandContext): Promise<Positioned & { modelId: string }> {
    const { executor, uniqueKeys, metadata, clock } = this.services;
    const sku = input.sku.trim().toUpperCase();
    const modelId = metadata.entityId('register-battery-model', context);
    const command: RegisterBatteryModel = {
      type: 'RegisterBatteryModel',
      data: {
        modelId,
        sku,
        serialPrefix: (input.serialPrefix ?? defaultSerialPrefix(sku)).toUpperCase(),
        name: input.name.trim(),
        capacityAh: input.capacityAh,
        voltage: input.voltage,
        warrantyMonths: input.warrantyMonths,
        lowStockThreshold: input.lowStockThreshold,
        registeredAt: clock.now().toISOString(),
      },
    };
    // Validate before claiming the SKU, so bad input leaves no reservation behind.
    BatteryModelDecider.decide(command, BatteryModelDecider.initialState);
    await uniqueKeys.reserve('sku', sku, modelId, context, `A battery model with SKU ${sku} already exists`);
    const result = await executor.execute({
      operation: 'register-battery-model',
      decider: BatteryModelDecider,
      streamId: batteryModelStreamId(modelId),
      command,
      context,
    });
    return { modelId, position: result.position };
  }
}
