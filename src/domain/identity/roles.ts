/**
 * The built-in roles, one set for every seed: the platform's own, Lithovolt's, Amsol's (tenant-scoped),
 * the warehouse's, the support desk's and the car club's. Admins may define more (custom roles).
 */
export const BUILT_IN_ROLES = [
  'admin',
  'wholesaler',
  'consumer',
  'client_admin',
  'operator',
  'field_engineer',
  'read_only',
  'warehouse_manager',
  'sales_rep',
  'support_agent',
  'member',
] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** Roles whose holders belong to one tenant (an Amsol client) and see only its data. */
export const TENANT_ROLES: readonly BuiltInRole[] = ['client_admin', 'operator', 'field_engineer', 'read_only'];

/** Roles anyone may take by registering themselves; every other role is granted by an administrator. */
export const SELF_SERVICE_ROLES = ['consumer', 'member'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** Custom role names: lower-case words joined by underscores, never a built-in name. */
export const ROLE_NAME_PATTERN = /^[a-z][a-z0-9_]{2,39}$/;

export const isBuiltInRole = (value: unknown): value is BuiltInRole => (BUILT_IN_ROLES as readonly unknown[]).includes(value);

export const isTenantRole = (role: string): boolean => (TENANT_ROLES as readonly string[]).includes(role);
