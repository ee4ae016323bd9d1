import type { NotificationRule } from '../application/notifications/notification-rule';
import { WarrantyActivatedRule } from '../application/notifications/rules/warranty-activated.rule';
import { ClaimUpdatesRule } from '../application/notifications/rules/claim-updates.rule';
import { LowStockAlertRule } from '../application/notifications/rules/low-stock-alert.rule';
import { StockSummaryRule } from '../application/notifications/rules/stock-summary.rule';
import { WarrantyExpiryRule } from '../application/notifications/rules/warranty-expiry.rule';
import type { StaffDirectory } from '../application/notifications/staff-directory';
import { WelcomeMailRule } from '../application/notifications/rules/welcome-mail.rule';
import { WholesalerApplicationDecidedRule } from '../application/notifications/rules/wholesaler-application-decided.rule';
import type { DocumentStore } from '../application/shared/ports/document-store.port';
import type { EventStore } from '../application/shared/ports/event-store.port';
import type { Config } from './config';

export interface NotificationRuleDependencies {
  readonly eventStore: EventStore;
  readonly documents: DocumentStore;
  readonly staff: StaffDirectory;
  readonly config: Pick<Config, 'publicBaseUrl' | 'DEFAULT_COUNTRY_CODE'>;
}

/** Every notification the service sends, one rule per cause; the notification reactor runs them all. */
export const notificationRules = ({ eventStore, staff, config }: NotificationRuleDependencies): readonly NotificationRule[] => [
  new WarrantyActivatedRule(eventStore, config.publicBaseUrl, config.DEFAULT_COUNTRY_CODE),
  new WarrantyExpiryRule(eventStore, config.publicBaseUrl, config.DEFAULT_COUNTRY_CODE),
  new LowStockAlertRule(eventStore, staff),
  new StockSummaryRule(staff),
  new ClaimUpdatesRule(eventStore, config.DEFAULT_COUNTRY_CODE),
  new WelcomeMailRule(),
  new WholesalerApplicationDecidedRule(eventStore),
];
