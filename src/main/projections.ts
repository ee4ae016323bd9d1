import { rolesProjection } from '../application/identity/roles.projection';
import { securityEventsProjection } from '../application/identity/security-events.projection';
import { usersProjection } from '../application/identity/users.projection';
import { wholesalerApplicationsProjection } from '../application/identity/wholesaler-applications.projection';
import { allocationsProjection } from '../application/inventory/allocations.projection';
import { inventoryProjection } from '../application/inventory/inventory.projection';
import { notificationsProjection } from '../application/notifications/notifications.projection';
import type { Projection } from '../application/shared/ports/projection.port';
import { tenantsProjection } from '../application/tenancy/tenants.projection';
import { warrantyProjection } from '../application/warranty/warranty.projection';
import { claimsProjection } from '../application/warranty/claims/claims.projection';

/** Every read model the service maintains. */
export const allProjections: readonly Projection[] = [usersProjection, securityEventsProjection, rolesProjection, wholesalerApplicationsProjection, tenantsProjection, inventoryProjection, allocationsProjection, warrantyProjection, claimsProjection, notificationsProjection];
