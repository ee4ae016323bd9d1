import { StockSummaryDecider, stockSummaryStreamId, type ModelStockLine } from '../../domain/inventory/stock-summary.decider';
import { toCalendarDate } from '../../domain/shared/calendar-date';
import { systemContext } from '../shared/command-context';
import type { CommandExecutor } from '../shared/command-executor';
import type { Clock } from '../shared/ports/clock.port';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { BATTERY_MODELS, type BatteryModelView } from './inventory.read-model';

export const STOCK_SUMMARY_JOB = 'stock-summary';
const MAX_MODELS = 1_000;

/**
 * Compiles the day's stock summary from the read model into `stocksummary-<date>`, once per day however often it
 * runs; the notification reactor emails it to the admins.
 */
export class StockSummaryJob {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly documents: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ readonly date: string; readonly models: number; readonly position: number }> {
    const compiledAt = this.clock.now().toISOString();
    const date = toCalendarDate(compiledAt);
    const { items } = await this.documents.find<BatteryModelView>(BATTERY_MODELS, {
      filter: { status: 'active' },
      sort: [{ field: 'name', direction: 'asc' }],
      limit: MAX_MODELS,
    });
    const models: ModelStockLine[] = items.map((m) => ({
      modelId: m.id,
      name: m.name,
      sku: m.sku,
      available: m.stock.available,
      allocated: m.stock.allocated,
      sold: m.stock.sold,
      lowStockThreshold: m.lowStockThreshold,
      lowStock: m.lowStock,
    }));
    const result = await this.executor.execute({
      operation: STOCK_SUMMARY_JOB,
      decider: StockSummaryDecider,
      streamId: stockSummaryStreamId(date),
      command: { type: 'CompileStockSummary', data: { date, models, compiledAt } },
      context: systemContext(`${STOCK_SUMMARY_JOB}:${date}`),
    });
    return { date, models: models.length, position: result.position };
  }
}
