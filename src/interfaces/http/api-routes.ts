import type { HttpDependencies } from './http-dependencies';
import { authRoutes } from './identity/auth.routes';
import { oneTimeCodeRoutes } from './identity/one-time-code.routes';
import { rolesRoutes } from './identity/roles.routes';
import { securityEventsRoutes } from './identity/security-events.routes';
import { usersRoutes } from './identity/users.routes';
import { wholesalerApplicationsRoutes } from './identity/wholesaler-applications.routes';
import { inventoryRoutes } from './inventory/inventory.routes';
import { operationsRoutes } from './operations/operations.routes';
import type { RouteDefinition } from './shared';
import { tenancyRoutes } from './tenancy/tenancy.routes';
import { warrantyRoutes } from './warranty/warranty.routes';

/** Every business route of the service, by bounded context. */
export const apiRoutes = (deps: HttpDependencies): RouteDefinition[] => [
  ...authRoutes(deps),
  ...oneTimeCodeRoutes(deps),
  ...usersRoutes(deps),
  ...rolesRoutes(deps),
  ...wholesalerApplicationsRoutes(deps),
  ...securityEventsRoutes(deps),
  ...tenancyRoutes(deps),
  ...inventoryRoutes(deps),
  ...warrantyRoutes(deps),
  ...operationsRoutes(deps),
];
