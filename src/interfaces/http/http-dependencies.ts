import type { AuthHttpDependencies } from './identity/auth.routes';
import type { OneTimeCodeHttpDependencies } from './identity/one-time-code.routes';
import type { RolesHttpDependencies } from './identity/roles.routes';
import type { SecurityEventsHttpDependencies } from './identity/security-events.routes';
import type { UsersHttpDependencies } from './identity/users.routes';
import type { WholesalerApplicationsHttpDependencies } from './identity/wholesaler-applications.routes';
import type { InventoryHttpDependencies } from './inventory/inventory.routes';
import type { OperationsHttpDependencies } from './operations/operations.routes';
import type { TenancyHttpDependencies } from './tenancy/tenancy.routes';
import type { WarrantyHttpDependencies } from './warranty/warranty.routes';

/** The application services the HTTP adapter reaches: handlers and queries, never adapters. */
export type HttpDependencies = AuthHttpDependencies &
  OneTimeCodeHttpDependencies &
  UsersHttpDependencies &
  RolesHttpDependencies &
  WholesalerApplicationsHttpDependencies &
  SecurityEventsHttpDependencies &
  TenancyHttpDependencies &
  InventoryHttpDependencies &
  WarrantyHttpDependencies &
  OperationsHttpDependencies;
