import {
  BatteryModelDecider,
  batteryModelStreamId,
  type BatteryModelChanges,
} from '../../domain/inventory/battery-model.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';

/** Updates a model's specification or retires it. */
export class ChangeBatteryModelHandler {
  constructor(private readonly services: CommandServices) {}

  async update(modelId: string, changes: BatteryModelChanges, context: CommandContext): Promise<Positioned> {
    const { executor, clock } = this.services;
    const result = await executor.execute({
      operation: 'update-battery-model',
      decider: BatteryModelDecider,
      streamId: batteryModelStreamId(modelId),
      command: { type: 'UpdateBatteryModel', data: { modelId, changes, updatedAt: clock.now().toISOString() } },
      context,
    });
    return { position: result.position };
  }

  async retire(modelId: string, context: CommandContext): Promise<Positioned> {
    const { executor, clock } = this.services;
    const result = await executor.execute({
      operation: 'retire-battery-model',
      decider: BatteryModelDecider,
      streamId: batteryModelStreamId(modelId),
      command: { type: 'RetireBatteryModel', data: { modelId, retiredAt: clock.now().toISOString() } },
      context,
    });
    return { position: result.position };
  }
}
