import { normaliseSerial } from '../../domain/inventory/serial-code';
import { WarrantyDecider, warrantyStreamId } from '../../domain/warranty/warranty.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';

export interface VoidWarrantyInput {
  readonly serial: string;
  readonly warrantyId: string;
  readonly reason: string;
}

export class VoidWarrantyHandler {
  constructor(private readonly services: CommandServices) {}

  async execute(input: VoidWarrantyInput, context: CommandContext): Promise<Positioned> {
    const serial = normaliseSerial(input.serial);
    const result = await this.services.executor.execute({
      operation: 'void-warranty',
      decider: WarrantyDecider,
      streamId: warrantyStreamId(serial),
      command: {
        type: 'VoidWarranty',
        data: {
          serial,
          warrantyId: input.warrantyId,
          reason: input.reason,
          voidedAt: this.services.clock.now().toISOString(),
          voidedBy: context.actor?.userId ?? null,
        },
      },
      context,
    });
    return { position: result.position };
  }
}
