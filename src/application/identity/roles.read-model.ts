export const ROLES = 'roles';

/** A role as clients see it; built-in roles are not stored, they are answered from the permission table. */
export interface RoleView {
  /** The role's name. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  readonly tenantScoped: boolean;
  readonly builtIn: boolean;
  readonly status: 'active' | 'retired';
  readonly definedAt: string | null;
  readonly retiredAt: string | null;
  readonly [field: string]: unknown;
}
