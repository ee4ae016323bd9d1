import { CustomRoleDecider, customRoleStreamId, type CustomRoleCommand } from '../../domain/identity/custom-role.decider';
import { isBuiltInRole } from '../../domain/identity/roles';
import { conflict, forbidden, invalid } from '../../domain/shared/domain-error';
import type { Actor, CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { isPermission } from './permission-table';
import type { RoleCatalog } from './role-catalog';

export interface RoleDefinition {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  readonly tenantScoped: boolean;
}

export interface RoleChanges {
  readonly description?: string | undefined;
  readonly permissions?: readonly string[] | undefined;
}

const assertKnown = (permissions: readonly string[]): void => {
  const unknown = permissions.filter((permission) => !isPermission(permission));
  if (unknown.length > 0) {
    throw invalid('role.unknown_permission', `Unknown permissions: ${unknown.join(', ')}`, { permissions: unknown });
  }
};

const assertNotBuiltIn = (name: string): void => {
  if (isBuiltInRole(name)) throw conflict('role.built_in', `${name} is a built-in role and cannot be changed`, { name });
};

/**
 * Defines, changes and retires custom roles. Nobody defines, widens or retires a role that grants more than
 * they hold, and a tenant's administrators define only roles held inside a tenant.
 */
export class CustomRoles {
  constructor(
    private readonly services: CommandServices,
    private readonly catalog: RoleCatalog,
  ) {}

  async define(actor: Actor, role: RoleDefinition, context: CommandContext): Promise<Positioned> {
    assertKnown(role.permissions);
    await this.assertHeldBy(actor, role.permissions);
    if (actor.tenantId !== null && !role.tenantScoped) {
      throw forbidden('role.outside_tenant', "A tenant's administrators define only tenant-scoped roles");
    }
    const data = { ...role, definedAt: this.now(), definedBy: actor.userId };
    return this.run('define-role', role.name, { type: 'DefineRole', data }, context);
  }

  async change(actor: Actor, name: string, changes: RoleChanges, context: CommandContext): Promise<Positioned> {
    assertNotBuiltIn(name);
    if (changes.permissions) assertKnown(changes.permissions);
    // Changing a role manages its holders: the actor holds what it grants today and what it will grant.
    await this.assertHeldBy(actor, [...(await this.catalog.permissionsOf(name)), ...(changes.permissions ?? [])]);
    const data = { name, ...changes, changedAt: this.now(), changedBy: actor.userId };
    return this.run('change-role', name, { type: 'ChangeRole', data }, context);
  }

  async retire(actor: Actor, name: string, context: CommandContext): Promise<Positioned> {
    assertNotBuiltIn(name);
    await this.assertHeldBy(actor, await this.catalog.permissionsOf(name));
    return this.run('retire-role', name, { type: 'RetireRole', data: { name, retiredAt: this.now(), retiredBy: actor.userId } }, context);
  }

  private async assertHeldBy(actor: Actor, permissions: readonly string[]): Promise<void> {
    if (actor.role === 'system') return;
    const own = await this.catalog.permissionsOf(actor.role);
    const beyond = [...new Set(permissions.filter((permission) => !own.includes(permission)))];
    if (beyond.length > 0) {
      throw forbidden('role.exceeds_own', 'The role would grant permissions you do not hold', { permissions: beyond });
    }
  }

  private async run(operation: string, name: string, command: CustomRoleCommand, context: CommandContext): Promise<Positioned> {
    const streamId = customRoleStreamId(name);
    const result = await this.services.executor.execute({ operation, decider: CustomRoleDecider, streamId, command, context });
    return { position: result.position };
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
