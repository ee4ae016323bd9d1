import { isCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import { invalid } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/** One stream per day: the daily job compiles the summary once, however often it runs. */
export const stockSummaryStreamId = (date: CalendarDate): string => `stocksummary-${date}`;

export interface ModelStockLine {
  readonly modelId: string;
  readonly name: string;
  readonly sku: string;
  readonly available: number;
  readonly allocated: number;
  readonly sold: number;
  readonly lowStockThreshold: number;
  readonly lowStock: boolean;
}

export type CompileStockSummary = DomainCommand<
  'CompileStockSummary',
  { readonly date: CalendarDate; readonly models: readonly ModelStockLine[]; readonly compiledAt: string }
>;
export type StockSummaryCompiled = DomainEvent<'StockSummaryCompiled', CompileStockSummary['data']>;

export type StockSummaryState = { readonly status: 'none' } | { readonly status: 'compiled'; readonly date: CalendarDate };

export const StockSummaryDecider: Decider<CompileStockSummary, StockSummaryCompiled, StockSummaryState> = {
  initialState: { status: 'none' },
  decide: (command, state) => {
    switch (command.type) {
      case 'CompileStockSummary':
        if (!isCalendarDate(command.data.date)) throw invalid('stock_summary.invalid_date', 'A summary date is YYYY-MM-DD');
        return state.status === 'compiled' ? [] : [{ type: 'StockSummaryCompiled', data: command.data }];
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'StockSummaryCompiled':
        return { status: 'compiled', date: event.data.date };
      default:
        return assertNever(event.type);
    }
  },
};
