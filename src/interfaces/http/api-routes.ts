import type { HttpDependencies } from './http-dependencies';
import { identityRoutes } from './identity/identity.routes';
import { inventoryRoutes } from './inventory/inventory.routes';
import { operationsRoutes } from './operations/operations.routes';
import type { RouteDefinition } from './shared';
import { warrantyRoutes } from './warranty/warranty.routes';

/** Every business route of the service, by bounded context. */
export const apiRoutes = (deps: HttpDependencies): RouteDefinition[] => [
  ...identityRoutes(deps),
  ...inventoryRoutes(deps),
  ...warrantyRoutes(deps),
  ...operationsRoutes(deps),
];
