import { BatteryModelDecider, batteryModelStreamId, type BatteryModelCommand } from '../../domain/inventory/battery-model.decider';
import { systemContext } from '../shared/command-context';
import type { CommandExecutor } from '../shared/command-executor';
import type { Clock } from '../shared/ports/clock.port';
import type { DocumentStore } from '../shared/ports/document-store.port';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Reaction } from '../shared/reactors/event-reactor';
import { BATTERY_MODELS, SERIAL_NUMBERS, type BatteryModelView, type SerialNumberView } from './inventory.read-model';

export const LOW_STOCK_MONITOR = 'reactor:low-stock';

/** Events that take a unit out of available stock: only these can raise an alert ("falls to the threshold"). */
const TAKING = ['SerialNumberAllocated', 'SerialNumberSold'];
/** Events that put units back or change the threshold: these can clear an alert (a threshold change may also raise). */
const GIVING = ['SerialNumberRegistered', 'SerialNumberReleased', 'SerialNumberReturned'];
const THRESHOLD = ['BatteryModelUpdated'];

/**
 * Watches stock moves and keeps each model's low-stock alert on its stream: raised once when available stock falls
 * to the threshold, cleared once it recovers. The counts come from the inventory read model once it has applied the
 * event; the model's decider makes "once" hold however often an event is replayed.
 */
export class LowStockMonitor implements Reaction {
  readonly eventTypes = [...TAKING, ...GIVING, ...THRESHOLD];

  constructor(
    private readonly executor: CommandExecutor,
    private readonly documents: DocumentStore,
    /** Resolves once the read models cover `position`; rejects when `stopped` aborts first. */
    private readonly waitForReadModels: (position: number, stopped: AbortSignal) => Promise<void>,
    private readonly clock: Clock,
  ) {}

  async react(event: RecordedEvent, stopped: AbortSignal): Promise<void> {
    await this.waitForReadModels(event.position, stopped);
    const model = await this.modelOf(event);
    if (!model) return;
    const commands = this.commandsFor(event.type, model);
    for (const command of commands) {
      await this.executor.execute({
        operation: 'low-stock-alert',
        decider: BatteryModelDecider,
        streamId: batteryModelStreamId(model.id),
        command,
        context: systemContext(event.metadata.correlationId, event.metadata.eventId),
      });
    }
  }

  private commandsFor(type: string, model: BatteryModelView): BatteryModelCommand[] {
    const level = { modelId: model.id, available: model.stock.available, at: this.clock.now().toISOString() };
    const raise: BatteryModelCommand = { type: 'RaiseLowStockAlert', data: level };
    const clear: BatteryModelCommand = { type: 'ClearLowStockAlert', data: level };
    if (TAKING.includes(type)) return [raise];
    if (GIVING.includes(type)) return [clear];
    return [clear, raise];
  }

  private async modelOf(event: RecordedEvent): Promise<BatteryModelView | null> {
    const data = event.data as { readonly modelId?: string; readonly serial?: string };
    let modelId = data.modelId;
    if (!modelId && data.serial) modelId = (await this.documents.get<SerialNumberView>(SERIAL_NUMBERS, data.serial))?.modelId;
    return modelId ? this.documents.get<BatteryModelView>(BATTERY_MODELS, modelId) : null;
  }
}
