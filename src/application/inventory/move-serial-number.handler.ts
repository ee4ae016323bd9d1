import { normaliseSerial } from '../../domain/inventory/serial-code';
import {
  SerialNumberDecider,
  serialNumberStreamId,
  type SerialNumberCommand,
} from '../../domain/inventory/serial-number.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';

/** Moves a serial through its stock statuses: available → allocated (to a wholesaler) → sold. */
export class MoveSerialNumberHandler {
  constructor(private readonly services: CommandServices) {}

  allocate(serialInput: string, wholesalerId: string, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    const allocatedAt = this.services.clock.now().toISOString();
    return this.run('allocate-serial', { type: 'AllocateSerialNumber', data: { serial, wholesalerId, allocatedAt } }, context);
  }

  sell(serialInput: string, soldTo: string | null, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    const soldAt = this.services.clock.now().toISOString();
    return this.run('sell-serial', { type: 'SellSerialNumber', data: { serial, soldAt, soldTo } }, context);
  }

  private async run(operation: string, command: SerialNumberCommand, context: CommandContext): Promise<Positioned> {
    const result = await this.services.executor.execute({
      operation,
      decider: SerialNumberDecider,
      streamId: serialNumberStreamId(command.data.serial),
      command,
      context,
    });
    return { position: result.position };
  }
}
