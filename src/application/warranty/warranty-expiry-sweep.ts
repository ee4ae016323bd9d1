import { addDays, toCalendarDate } from '../../domain/shared/calendar-date';
import { isDomainError } from '../../domain/shared/domain-error';
import { WarrantyDecider, warrantyStreamId, type WarrantyCommand } from '../../domain/warranty/warranty.decider';
import { systemContext } from '../shared/command-context';
import { pagesOf } from '../shared/keyset-pages';
import type { CommandExecutor } from '../shared/command-executor';
import type { Clock } from '../shared/ports/clock.port';
import type { DocumentFilter, DocumentStore } from '../shared/ports/document-store.port';
import { WARRANTIES, type WarrantyView } from './warranty.read-model';

export const WARRANTY_EXPIRY_SWEEP = 'warranty-expiry-sweep';
const PAGE = 200;

export interface SweepOutcome {
  readonly today: string;
  readonly reminded: number;
  readonly expired: number;
}

/**
 * The daily sweep: records the expiry of warranties past their end date and a reminder for those ending within
 * `reminderDays`. Candidates come from the read model; each warranty's decider has the last word, so a sweep run
 * twice (or by two instances) records each reminder and expiry once. The reactors then email the consumers.
 */
export class WarrantyExpirySweep {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly documents: DocumentStore,
    private readonly clock: Clock,
    private readonly reminderDays: number,
  ) {}

  async run(): Promise<SweepOutcome> {
    const now = this.clock.now().toISOString();
    const today = toCalendarDate(now);
    const context = systemContext(`${WARRANTY_EXPIRY_SWEEP}:${today}`);
    let expired = 0;
    let reminded = 0;
    await this.each({ status: 'active', endsOn: { $lt: today } }, async (w) => {
      expired += await this.record(w, { type: 'ExpireWarranty', data: { serial: w.serial, warrantyId: w.id, today, expiredAt: now } }, context);
    });
    const horizon = addDays(today, this.reminderDays);
    await this.each({ status: 'active', remindedAt: null, endsOn: { $gte: today, $lte: horizon } }, async (w) => {
      const data = { serial: w.serial, warrantyId: w.id, today, withinDays: this.reminderDays, remindedAt: now };
      reminded += await this.record(w, { type: 'RemindWarrantyExpiry', data }, context);
    });
    return { today, reminded, expired };
  }

  /** Walks the matching warranties in id order, a page at a time. */
  private async each(filter: DocumentFilter, act: (warranty: WarrantyView) => Promise<void>): Promise<void> {
    for await (const page of pagesOf<WarrantyView>(this.documents, WARRANTIES, filter, PAGE)) {
      for (const warranty of page) await act(warranty);
    }
  }

  /** 1 when the command recorded something; 0 when the warranty moved on meanwhile (voided, replaced, done). */
  private async record(warranty: WarrantyView, command: WarrantyCommand, context: ReturnType<typeof systemContext>): Promise<number> {
    try {
      const result = await this.executor.execute({
        operation: WARRANTY_EXPIRY_SWEEP,
        decider: WarrantyDecider,
        streamId: warrantyStreamId(warranty.serial),
        command,
        context,
      });
      return result.events.length > 0 && !result.replayed ? 1 : 0;
    } catch (error) {
      if (isDomainError(error) && (error.kind === 'conflict' || error.kind === 'not_found')) return 0;
      throw error;
    }
  }
}
