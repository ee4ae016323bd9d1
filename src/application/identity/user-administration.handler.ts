import { UserDecider, userStreamId, type UserCommand } from '../../domain/identity/user.decider';
import { conflict, forbidden, invalid } from '../../domain/shared/domain-error';
import type { Actor, CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { isVisibleTo } from '../shared/tenant-scope';
import type { ProfileHandler, ProfileInput } from './profile.handler';
import type { NewAccount, RegisterUserHandler } from './register-user.handler';
import type { RoleCatalog } from './role-catalog';
import type { UserAccounts } from './user-accounts';
import { userNotFound } from './user.queries';
import type { ExistingUser } from './user-view';

/** Whether a tenant exists and is active; answered by the tenancy context. */
export interface TenantDirectory {
  isActive(tenantId: string): Promise<boolean>;
}

/**
 * What administrators do to other users. Platform admins manage everyone; a tenant's administrators manage
 * their tenant's users only (others answer 404). Nobody gives or manages more permissions than they hold.
 */
export class UserAdministration {
  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly roles: RoleCatalog,
    private readonly tenants: TenantDirectory,
    private readonly registration: RegisterUserHandler,
    private readonly profiles: ProfileHandler,
  ) {}

  async create(actor: Actor, input: NewAccount, context: CommandContext): Promise<Positioned & { userId: string }> {
    const tenantId = input.tenantId ?? actor.tenantId;
    await this.assertAssignable(actor, input.role, tenantId);
    return this.registration.execute({ ...input, tenantId }, context);
  }

  async update(actor: Actor, userId: string, input: ProfileInput, context: CommandContext) {
    await this.manageable(actor, userId);
    return this.profiles.update(userId, input, context);
  }

  async assignRole(actor: Actor, userId: string, role: string, tenantIdInput: string | null | undefined, context: CommandContext) {
    const target = await this.manageable(actor, userId);
    const tenantId = tenantIdInput === undefined ? (actor.tenantId ?? target.tenantId) : tenantIdInput;
    await this.assertAssignable(actor, role, tenantId);
    return this.run(userId, { type: 'ChangeUserRole', data: { userId, role, tenantId, changedAt: this.now(), changedBy: actor.userId } }, context);
  }

  async deactivate(actor: Actor, userId: string, reason: string | null, context: CommandContext) {
    if (actor.userId === userId) throw conflict('user.cannot_deactivate_self', 'You cannot deactivate your own account');
    await this.manageable(actor, userId);
    return this.run(userId, { type: 'DeactivateUser', data: { userId, reason, deactivatedAt: this.now(), deactivatedBy: actor.userId } }, context);
  }

  async reactivate(actor: Actor, userId: string, context: CommandContext) {
    await this.manageable(actor, userId);
    return this.run(userId, { type: 'ReactivateUser', data: { userId, reactivatedAt: this.now(), reactivatedBy: actor.userId } }, context);
  }

  /** The target, when it is inside the actor's tenant and holds nothing the actor lacks. */
  private async manageable(actor: Actor, userId: string): Promise<ExistingUser> {
    const target = await this.accounts.load(userId);
    if (target.status === 'none' || !isVisibleTo(actor, target)) throw userNotFound(userId);
    if (actor.role === 'system') return target;
    const own = await this.roles.permissionsOf(actor.role);
    const theirs = await this.roles.permissionsOf(target.role);
    if (theirs.some((permission) => !own.includes(permission))) {
      throw forbidden('user.outranks_you', 'This user holds permissions you do not; only a higher administrator can manage them');
    }
    return target;
  }

  private async assertAssignable(actor: Actor, role: string, tenantId: string | null): Promise<void> {
    await this.roles.assertAssignable(actor, role, tenantId);
    if (tenantId !== null && !(await this.tenants.isActive(tenantId))) {
      throw invalid('user.unknown_tenant', `There is no active tenant ${tenantId}`, { tenantId });
    }
  }

  private async run(userId: string, command: UserCommand, context: CommandContext): Promise<Positioned> {
    const result = await this.services.executor.execute({ operation: `admin-${command.type}`, decider: UserDecider, streamId: userStreamId(userId), command, context });
    return { position: result.position };
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
