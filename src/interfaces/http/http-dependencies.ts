import type { AuthHttpDependencies } from './identity/auth.routes';
import type { OneTimeCodeHttpDependencies } from './identity/one-time-code.routes';
import type { RolesHttpDependencies } from './identity/roles.routes';
import type { SecurityEventsHttpDependencies } from './identity/security-events.routes';
import type { UsersHttpDependencies } from './identity/users.routes';
import type { WholesalerApplicationsHttpDependencies } from './identity/wholesaler-applications.routes';
import type { InventoryHttpDependencies } from './inventory/inventory.routes';
import type { SerialCsvHttpDependencies } from './inventory/serial-csv.routes';
import type { StockHttpDependencies } from './inventory/stock.routes';
import type { AllocationExportHttpDependencies } from './inventory/allocation-export.routes';
import type { ClaimExportHttpDependencies } from './warranty/claim-export.routes';
import type { NotificationsHttpDependencies } from './notifications/notifications.routes';
import type { OperationsHttpDependencies } from './operations/operations.routes';
import type { VerifyPageHttpDependencies } from './pages/verify-page.routes';
import type { TenancyHttpDependencies } from './tenancy/tenancy.routes';
import type { WarrantyDocumentsHttpDependencies } from './warranty/warranty-documents.routes';
import type { WarrantyExportHttpDependencies } from './warranty/warranty-export.routes';
import type { WarrantyHttpDependencies } from './warranty/warranty.routes';
import type { ClaimsHttpDependencies } from './warranty/claims.routes';

/** The application services the HTTP adapter reaches: handlers and queries, never adapters. */
export type HttpDependencies = AuthHttpDependencies &
  OneTimeCodeHttpDependencies &
  UsersHttpDependencies &
  RolesHttpDependencies &
  WholesalerApplicationsHttpDependencies &
  SecurityEventsHttpDependencies &
  TenancyHttpDependencies &
  InventoryHttpDependencies &
  SerialCsvHttpDependencies &
  StockHttpDependencies &
  AllocationExportHttpDependencies &
  ClaimExportHttpDependencies &
  WarrantyHttpDependencies &
  ClaimsHttpDependencies &
  WarrantyExportHttpDependencies &
  WarrantyDocumentsHttpDependencies &
  VerifyPageHttpDependencies &
  OperationsHttpDependencies &
  NotificationsHttpDependencies;
