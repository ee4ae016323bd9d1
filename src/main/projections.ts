import { usersProjection } from '../application/identity/users.projection';
import { inventoryProjection } from '../application/inventory/inventory.projection';
import type { Projection } from '../application/shared/ports/projection.port';
import { warrantyProjection } from '../application/warranty/warranty.projection';

/** Every read model the service maintains. */
export const allProjections: readonly Projection[] = [usersProjection, inventoryProjection, warrantyProjection];
