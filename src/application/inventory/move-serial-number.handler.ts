import { normaliseSerial } from '../../domain/inventory/serial-code';
import {
  SerialNumberDecider,
  serialNumberStreamId,
  type SerialNumberCommand,
  type SerialNumberState,
} from '../../domain/inventory/serial-number.decider';
import { conflict, forbidden, notFound } from '../../domain/shared/domain-error';
import { WarrantyDecider, warrantyStreamId } from '../../domain/warranty/warranty.decider';
import type { CommandContext } from '../shared/command-context';
import { loadAggregate } from '../shared/load-aggregate';
import type { CommandServices, Positioned } from '../shared/command-services';

type ExistingSerial = Exclude<SerialNumberState, { status: 'none' }>;

/** A wholesaler acts on serials in (or sold from) their own stock only; others act on any. */
export const assertFromStockOf = (state: ExistingSerial, context: CommandContext, status: 'allocated' | 'sold'): void => {
  const actor = context.actor;
  if (actor?.role !== 'wholesaler') return;
  if (state.status !== status || state.allocatedTo !== actor.userId) {
    throw forbidden('serial.not_in_your_stock', `Serial ${state.serial} is not in your stock`, { serial: state.serial });
  }
};

/**
 * Moves a serial through its stock statuses: available → allocated (to a wholesaler) → sold, and back:
 * released from a wholesaler's stock, returned by a consumer. Wholesalers act on their own stock only.
 */
export class MoveSerialNumberHandler {
  constructor(private readonly services: CommandServices) {}

  allocate(serialInput: string, wholesalerId: string, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    const data = { serial, wholesalerId, allocationId: null, allocatedAt: this.now() };
    return this.run('allocate-serial', { type: 'AllocateSerialNumber', data }, context);
  }

  /** Allocated stock goes back to the maker. */
  async release(serialInput: string, reason: string, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    await this.assertWholesalersOwn(serial, context, 'allocated');
    return this.run('release-serial', { type: 'ReleaseSerialNumber', data: { serial, reason, releasedAt: this.now() } }, context);
  }

  /** Staff may sell any serial; a wholesaler only one allocated to their own stock. */
  async sell(serialInput: string, soldTo: string | null, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    await this.assertWholesalersOwn(serial, context, 'allocated');
    return this.run('sell-serial', { type: 'SellSerialNumber', data: { serial, soldAt: this.now(), soldTo } }, context);
  }

  /**
   * A consumer brings a sold battery back: its active warranty is voided (a returned battery is resold with a
   * warranty of its own), then the serial goes back to the stock it was sold from.
   */
  async returnSold(serialInput: string, reason: string, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(serialInput);
    const state = await this.load(serial);
    if (state.status !== 'sold') {
      throw conflict('serial.not_sold', `Serial ${serial} is ${state.status}; only a sold serial can be returned`, { serial, status: state.status });
    }
    assertFromStockOf(state, context, 'sold');
    await this.voidActiveWarranty(serial, reason, context);
    return this.run('return-serial', { type: 'ReturnSerialNumber', data: { serial, reason, returnedAt: this.now() } }, context);
  }

  private async voidActiveWarranty(serial: string, reason: string, context: CommandContext): Promise<void> {
    const { state } = await loadAggregate(this.services.eventStore, WarrantyDecider, warrantyStreamId(serial));
    if (state.status !== 'active') return;
    await this.services.executor.execute({
      operation: 'void-warranty-on-return',
      decider: WarrantyDecider,
      streamId: warrantyStreamId(serial),
      command: {
        type: 'VoidWarranty',
        data: { serial, warrantyId: state.warrantyId, reason: `Returned: ${reason}`.slice(0, 500), voidedAt: this.now(), voidedBy: context.actor?.userId ?? null },
      },
      context,
    });
  }

  private async assertWholesalersOwn(serial: string, context: CommandContext, status: 'allocated' | 'sold'): Promise<void> {
    if (context.actor?.role === 'wholesaler') assertFromStockOf(await this.load(serial), context, status);
  }

  private async load(serial: string): Promise<ExistingSerial> {
    const { state } = await loadAggregate(this.services.eventStore, SerialNumberDecider, serialNumberStreamId(serial));
    if (state.status === 'none') throw notFound('serial.not_found', `Serial ${serial} does not exist`, { serial });
    return state;
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

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
