import type { StockSummaryCompiled } from '../../../domain/inventory/stock-summary.decider';
import type { RecordedEvent } from '../../shared/ports/event-store.port';
import type { StaffDirectory } from '../staff-directory';
import { mailToEach, type NotificationRule, type PlannedNotification } from '../notification-rule';

/** Emails the daily stock summary to every active admin. */
export class StockSummaryRule implements NotificationRule {
  readonly name = 'stock-summary';
  readonly eventTypes = ['StockSummaryCompiled'];

  constructor(private readonly staff: StaffDirectory) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const { date, models } = (event as unknown as StockSummaryCompiled).data;
    const data = { date, models, lowCount: models.filter((m) => m.lowStock).length };
    const admins = await this.staff.emailsOf('admin');
    return mailToEach(admins, 'stock-summary', data);
  }
}
