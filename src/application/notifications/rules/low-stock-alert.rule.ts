import { BatteryModelDecider, batteryModelStreamId, type LowStockAlertRaised } from '../../../domain/inventory/battery-model.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import type { EventStore, RecordedEvent } from '../../shared/ports/event-store.port';
import type { StaffDirectory } from '../staff-directory';
import { mailToEach, type NotificationRule, type PlannedNotification } from '../notification-rule';

/** Emails every active admin when a model's low-stock alert is raised (once per alert, by the model's decider). */
export class LowStockAlertRule implements NotificationRule {
  readonly name = 'low-stock-alert';
  readonly eventTypes = ['LowStockAlertRaised'];

  constructor(
    private readonly eventStore: EventStore,
    private readonly staff: StaffDirectory,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const { modelId, available, threshold } = (event as unknown as LowStockAlertRaised).data;
    const { state: model } = await loadAggregate(this.eventStore, BatteryModelDecider, batteryModelStreamId(modelId));
    if (model.status === 'none') return [];
    const data = { modelName: model.name, sku: model.sku, available, threshold };
    const admins = await this.staff.emailsOf('admin');
    return mailToEach(admins, 'low-stock-alert', data);
  }
}
