import { normaliseSerial } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { assertFromStockOf, type MoveSerialNumberHandler } from '../inventory/move-serial-number.handler';
import type { CommandContext } from '../shared/command-context';
import type { EventStore } from '../shared/ports/event-store.port';
import { loadAggregate } from '../shared/load-aggregate';
import type { ActivateWarrantyHandler, ActivateWarrantyInput, ActivatedWarranty } from './activate-warranty.handler';

/**
 * A wholesaler sells a battery from their stock and issues its warranty to the buyer in one request. The sale is
 * recorded first (a wholesaler may sell only their own stock); a serial already sold is only warranted, so a
 * retried request does not fail on the sale it already made.
 */
export class IssueWarrantyAtSaleHandler {
  constructor(
    private readonly eventStore: EventStore,
    private readonly moves: MoveSerialNumberHandler,
    private readonly activation: ActivateWarrantyHandler,
  ) {}

  async execute(input: ActivateWarrantyInput, context: CommandContext): Promise<ActivatedWarranty> {
    const serial = normaliseSerial(input.serial);
    const { state } = await loadAggregate(this.eventStore, SerialNumberDecider, serialNumberStreamId(serial));
    if (state.status !== 'sold') await this.moves.sell(serial, input.consumer.name, context);
    else assertFromStockOf(state, context, 'sold');
    return this.activation.execute({ ...input, serial }, context);
  }
}
