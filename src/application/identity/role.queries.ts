import { BUILT_IN_ROLES, isBuiltInRole, isTenantRole, type BuiltInRole } from '../../domain/identity/roles';
import { notFound } from '../../domain/shared/domain-error';
import { pageOf, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { PERMISSION_DESCRIPTIONS, PERMISSIONS, ROLE_PERMISSIONS, builtInRoleHasPermission, type Permission } from './permission-table';
import { ROLES, type RoleView } from './roles.read-model';

const BUILT_IN_ROLE_DESCRIPTIONS: Readonly<Record<BuiltInRole, string>> = {
  admin: 'Runs the platform: every permission',
  wholesaler: 'Lithovolt wholesaler: sells serialized batteries and activates their warranties',
  consumer: 'Lithovolt customer: activates warranties, may apply to become a wholesaler',
  client_admin: "Administers an Amsol client's users inside that tenant",
  operator: "Operates an Amsol client's meters inside that tenant",
  field_engineer: "Services an Amsol client's meters inside that tenant",
  read_only: "Reads an Amsol client's data inside that tenant",
  warehouse_manager: 'Manages stock: battery models, serial numbers, allocations',
  sales_rep: 'Sells from stock',
  support_agent: 'Answers customers at the support desk',
  member: 'Car club member',
};

export interface RoleListQuery extends PageRequest {
  readonly status: RoleView['status'];
}

export interface PermissionView {
  readonly name: Permission;
  readonly description: string;
  /** The built-in roles that hold it. */
  readonly roles: readonly BuiltInRole[];
}

const builtInView = (name: BuiltInRole): RoleView => ({
  id: name,
  name,
  description: BUILT_IN_ROLE_DESCRIPTIONS[name],
  permissions: ROLE_PERMISSIONS[name],
  tenantScoped: isTenantRole(name),
  builtIn: true,
  status: 'active',
  definedAt: null,
  retiredAt: null,
});

const roleNotFound = (name: string) => notFound('role.not_found', `There is no role ${name}`, { name });

/** Built-in roles from the permission table, custom roles from their read model. */
export class RoleQueries {
  constructor(private readonly documents: DocumentStore) {}

  /** Built-in roles first (they are always active), then custom roles by name, as one paged list. */
  async list(query: RoleListQuery): Promise<Page<RoleView>> {
    const builtIn = query.status === 'active' ? BUILT_IN_ROLES.map(builtInView) : [];
    const offset = (query.page - 1) * query.pageSize;
    const fromBuiltIn = builtIn.slice(offset, offset + query.pageSize);
    const custom = await this.documents.find<RoleView>(ROLES, {
      filter: { status: query.status },
      sort: [{ field: 'name', direction: 'asc' }],
      offset: Math.max(0, offset - builtIn.length),
      limit: query.pageSize - fromBuiltIn.length,
    });
    return pageOf([...fromBuiltIn, ...custom.items], builtIn.length + custom.total, query);
  }

  async get(name: string): Promise<RoleView> {
    if (isBuiltInRole(name)) return builtInView(name);
    const role = await this.documents.get<RoleView>(ROLES, name);
    if (!role) throw roleNotFound(name);
    return role;
  }

  permissions(): readonly PermissionView[] {
    return PERMISSIONS.map((name) => ({
      name,
      description: PERMISSION_DESCRIPTIONS[name],
      roles: BUILT_IN_ROLES.filter((role) => builtInRoleHasPermission(role, name)),
    }));
  }
}
