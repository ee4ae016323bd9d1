import type { StockSummaryJob } from '../application/inventory/stock-summary.job';
import { STOCK_SUMMARY_JOB } from '../application/inventory/stock-summary.job';
import type { Scheduler } from '../application/shared/ports/scheduler.port';
import { WARRANTY_EXPIRY_SWEEP, type WarrantyExpirySweep } from '../application/warranty/warranty-expiry-sweep';
import type { Config } from './config';

export interface ScheduledWork {
  readonly warrantyExpirySweep: WarrantyExpirySweep;
  readonly stockSummary: StockSummaryJob;
}

const RETRY = { retries: 3, firstDelayMs: 60_000 };

/** Defines the service's recurring jobs; with `schedule`, also records when they recur (once per name, cluster-wide). */
export const registerJobs = async (scheduler: Scheduler, work: ScheduledWork, config: Config, schedule: boolean): Promise<void> => {
  scheduler.define(WARRANTY_EXPIRY_SWEEP, async () => void (await work.warrantyExpirySweep.run()), RETRY);
  scheduler.define(STOCK_SUMMARY_JOB, async () => void (await work.stockSummary.run()), RETRY);
  if (!schedule) return;
  await scheduler.every(WARRANTY_EXPIRY_SWEEP, config.WARRANTY_SWEEP_SCHEDULE);
  await scheduler.every(STOCK_SUMMARY_JOB, config.STOCK_SUMMARY_SCHEDULE);
};
