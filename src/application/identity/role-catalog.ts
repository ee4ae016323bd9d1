import { CustomRoleDecider, customRoleStreamId } from '../../domain/identity/custom-role.decider';
import { isBuiltInRole, isTenantRole } from '../../domain/identity/roles';
import { forbidden, invalid } from '../../domain/shared/domain-error';
import type { Actor } from '../shared/command-context';
import { loadAggregate } from '../shared/load-aggregate';
import type { EventStore } from '../shared/ports/event-store.port';
import { ROLE_PERMISSIONS } from './permission-table';

export interface RoleDescription {
  readonly name: string;
  readonly builtIn: boolean;
  readonly tenantScoped: boolean;
  readonly permissions: readonly string[];
}

/**
 * What a role may do: built-in roles from the permission table, custom roles from their own streams (read
 * on each use, so a change to a role applies to its holders' next request on every instance).
 */
export class RoleCatalog {
  constructor(private readonly eventStore: EventStore) {}

  async describe(role: string): Promise<RoleDescription | null> {
    if (isBuiltInRole(role)) {
      return { name: role, builtIn: true, tenantScoped: isTenantRole(role), permissions: ROLE_PERMISSIONS[role] };
    }
    const { state } = await loadAggregate(this.eventStore, CustomRoleDecider, customRoleStreamId(role));
    if (state.status !== 'active') return null;
    return { name: role, builtIn: false, tenantScoped: state.tenantScoped, permissions: state.permissions };
  }

  async permissionsOf(role: string): Promise<readonly string[]> {
    return (await this.describe(role))?.permissions ?? [];
  }

  async allows(actor: Actor, permission: string): Promise<boolean> {
    if (actor.role === 'system') return true;
    return (await this.permissionsOf(actor.role)).includes(permission);
  }

  /**
   * Whether `actor` may give `role` (in `tenantId`) to someone: the role must exist, fit the tenant, and grant
   * nothing the actor lacks; a tenant's own administrators assign only tenant roles inside their tenant.
   */
  async assertAssignable(actor: Actor, role: string, tenantId: string | null): Promise<RoleDescription> {
    const described = await this.describe(role);
    if (!described) throw invalid('user.unknown_role', `There is no role ${role}`, { role });
    if (actor.role !== 'system') {
      // Permissions first: a tenant's administrator asking for a platform role learns only that it is beyond them.
      const own = await this.permissionsOf(actor.role);
      const beyond = described.permissions.filter((permission) => !own.includes(permission));
      if (beyond.length > 0) {
        throw forbidden('user.role_exceeds_own', `The ${role} role grants permissions you do not hold`, { permissions: beyond });
      }
      if (actor.tenantId !== null && tenantId !== actor.tenantId) {
        throw forbidden('user.outside_tenant', 'Users can be given roles only inside your own tenant');
      }
    }
    if (described.tenantScoped !== (tenantId !== null)) {
      const message = described.tenantScoped ? `The ${role} role needs a tenantId` : `The ${role} role takes no tenantId`;
      throw invalid('user.role_tenant_mismatch', message, { role });
    }
    return described;
  }
}
