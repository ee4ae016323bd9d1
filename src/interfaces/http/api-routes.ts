import type { HttpDependencies } from './http-dependencies';
import { authRoutes } from './identity/auth.routes';
import { oneTimeCodeRoutes } from './identity/one-time-code.routes';
import { rolesRoutes } from './identity/roles.routes';
import { securityEventsRoutes } from './identity/security-events.routes';
import { usersRoutes } from './identity/users.routes';
import { wholesalerApplicationsRoutes } from './identity/wholesaler-applications.routes';
import { inventoryRoutes } from './inventory/inventory.routes';
import { stockRoutes } from './inventory/stock.routes';
import { allocationExportRoutes } from './inventory/allocation-export.routes';
import { claimExportRoutes } from './warranty/claim-export.routes';
import { serialCsvRoutes } from './inventory/serial-csv.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { operationsRoutes } from './operations/operations.routes';
import { verifyPageRoutes } from './pages/verify-page.routes';
import type { RouteDefinition } from './shared';
import { tenancyRoutes } from './tenancy/tenancy.routes';
import { warrantyDocumentRoutes } from './warranty/warranty-documents.routes';
import { warrantyExportRoutes } from './warranty/warranty-export.routes';
import { warrantyRoutes } from './warranty/warranty.routes';
import { claimsRoutes } from './warranty/claims.routes';

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
  ...stockRoutes(deps),
  ...allocationExportRoutes(deps),
  ...claimExportRoutes(deps),
  ...serialCsvRoutes(deps),
  ...claimsRoutes(deps),
  ...warrantyRoutes(deps),
  ...warrantyExportRoutes(deps),
  ...warrantyDocumentRoutes(deps),
  ...verifyPageRoutes(deps),
  ...operationsRoutes(deps),
  ...notificationsRoutes(deps),
];
