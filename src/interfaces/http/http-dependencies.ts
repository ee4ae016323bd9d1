import type { IdentityHttpDependencies } from './identity/identity.routes';
import type { InventoryHttpDependencies } from './inventory/inventory.routes';
import type { OperationsHttpDependencies } from './operations/operations.routes';
import type { WarrantyHttpDependencies } from './warranty/warranty.routes';

/** The application services the HTTP adapter reaches: handlers and queries, never adapters. */
export type HttpDependencies = IdentityHttpDependencies &
  InventoryHttpDependencies &
  WarrantyHttpDependencies &
  OperationsHttpDependencies;
