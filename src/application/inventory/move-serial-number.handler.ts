import { normaliseSerial } from '../../domain/inventory/serial-code';
import {
  SerialNumberDecider,
  serialNumberStreamId,
  type SerialNumberCommand,
} from '../../domain/inventory/serial-number.decider';
import { forbidden, notFound } from '../../domain/shared/domain-error';
import type { CommandContext } from '../shared/command-context';
import { loadAggregate } from '../shared/load-aggregate';
import type { CommandServices, Positioned } from '../shared/command-services';

/** Moves a serial through its stock statuses: available → allocated (to a wholesaler) → sold. */
export class MoveSerialNumberHandler {
  constructor(private readonly services: CommandServices) {}

  allocate(serialInput: string, wholesalerId: string, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    const allocatedAt = this.services.clock.now().toISOString();
    return this.run('allocate-serial', { type: 'AllocateSerialNumber', data: { serial, wholesalerId, allocatedAt } }, context);
  }

  /** Staff may sell any serial; a wholesaler only one allocated to their own stock. */
  async sell(serialInput: string, soldTo: string | null, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    if (context.actor?.role === 'wholesaler') await this.assertInStockOf(serial, context.actor.userId);
    const soldAt = this.services.clock.now().toISOString();
    return this.run('sell-serial', { type: 'SellSerialNumber', data: { serial, soldAt, soldTo } }, context);
  }

  private async assertInStockOf(serial: string, wholesalerId: string): Promise<void> {
    const { state } = await loadAggregate(this.services.eventStore, SerialNumberDecider, serialNumberStreamId(serial));
    if (state.status === 'none') throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    if (state.status !== 'allocated' || state.allocatedTo !== wholesalerId) {
      throw forbidden('serial.not_in_your_stock', `Serial ${serial} is not in your stock`, { serial });
    }
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
