import { BatteryModelDecider, batteryModelStreamId } from '../../domain/inventory/battery-model.decider';
import { composeSerial, SERIAL_ALPHABET } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { conflict, isDomainError, notFound } from '../../domain/shared/domain-error';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { newCode } from '../shared/derived-code';
import { loadAggregate } from '../shared/load-aggregate';

export const MAX_BATCH_SIZE = 1_000;
const BODY_LENGTH = 8;
const MAX_ATTEMPTS_PER_SERIAL = 5;

export interface GenerateSerialBatchInput {
  readonly modelId: string;
  readonly count: number;
  /** Overrides the model's serial prefix for this batch. */
  readonly prefix?: string | undefined;
}

export interface GeneratedSerialBatch extends Positioned {
  readonly batchId: string;
  readonly modelId: string;
  readonly serials: readonly string[];
}

/**
 * Generates serials for a model. Each serial is registered on its own stream with "no stream" expected,
 * so uniqueness is the event store's decision; a collision draws a new body.
 * With an idempotency key the bodies are derived from the key, so a retried request yields the same serials.
 */
export class GenerateSerialBatchHandler {
  constructor(private readonly services: CommandServices) {}

  async execute(input: GenerateSerialBatchInput, context: CommandContext): Promise<GeneratedSerialBatch> {
    const { eventStore, metadata } = this.services;
    const model = (await loadAggregate(eventStore, BatteryModelDecider, batteryModelStreamId(input.modelId))).state;
    if (model.status === 'none') {
      throw notFound('battery_model.not_found', `Battery model ${input.modelId} does not exist`, { modelId: input.modelId });
    }
    if (model.status === 'retired') {
      throw conflict('battery_model.retired', `Battery model ${input.modelId} is retired`, { modelId: input.modelId });
    }
    const prefix = (input.prefix ?? model.serialPrefix).toUpperCase();
    const batchId = metadata.entityId('generate-serial-batch', context);
    const registered = await Promise.all(
      Array.from({ length: input.count }, (_, index) => this.registerOne(prefix, model.modelId, batchId, index, context)),
    );
    return {
      batchId,
      modelId: model.modelId,
      serials: registered.map((r) => r.serial),
      position: Math.max(...registered.map((r) => r.position)),
    };
  }

  private async registerOne(prefix: string, modelId: string, batchId: string, index: number, context: CommandContext) {
    const { executor, clock } = this.services;
    for (let attempt = 0; ; attempt++) {
      const serial = composeSerial(prefix, this.body(index, attempt, context));
      try {
        const result = await executor.execute({
          operation: 'register-serial',
          decider: SerialNumberDecider,
          streamId: serialNumberStreamId(serial),
          command: {
            type: 'RegisterSerialNumber',
            data: { serial, modelId, batchId, source: 'generated', registeredAt: clock.now().toISOString() },
          },
          context,
        });
        return { serial, position: result.position };
      } catch (error) {
        const collided = isDomainError(error) && error.code === 'serial.already_exists';
        if (!collided || attempt + 1 >= MAX_ATTEMPTS_PER_SERIAL) throw error;
      }
    }
  }

  private body(index: number, attempt: number, context: CommandContext): string {
    return newCode(this.services.ids, context, `${index}\u0000${attempt}`, BODY_LENGTH, SERIAL_ALPHABET);
  }
}
