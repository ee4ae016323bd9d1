import type { BuiltInRole } from '../../domain/identity/roles';

/** Every permission a route can require. A route names exactly one, or is public. */
export const PERMISSIONS = [
  'auth:self',
  'users:read',
  'users:manage',
  'roles:read',
  'roles:manage',
  'security:read',
  'tenants:read',
  'tenants:manage',
  'wholesaler-applications:apply',
  'wholesaler-applications:review',
  'inventory:read',
  'inventory:manage',
  'serials:allocate',
  'serials:sell',
  'serials:release',
  'inventory:audit',
  'warranty:read',
  'warranty:activate',
  'warranty:void',
  'claims:file',
  'claims:read',
  'claims:manage',
  'ops:read',
  'notifications:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** One line per permission, for GET /api/permissions and the people who compose custom roles from them. */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  'auth:self': 'See and change your own account and sessions',
  'users:read': 'List and read users',
  'users:manage': 'Create users, change their profiles and roles, deactivate and reactivate them',
  'roles:read': 'List roles and permissions',
  'roles:manage': 'Define, change and retire custom roles',
  'security:read': "Read users' security events",
  'tenants:read': 'Read tenants',
  'tenants:manage': 'Create and change tenants',
  'wholesaler-applications:apply': 'Apply to become a wholesaler and follow the application',
  'wholesaler-applications:review': 'Review, approve and reject wholesaler applications',
  'inventory:read': 'Read battery models and serial numbers',
  'inventory:manage': 'Register battery models and generate serial numbers',
  'serials:allocate': 'Allocate serial numbers to wholesalers',
  'serials:sell': 'Record the sale of a serial number',
  'serials:release': "Take allocated serials back from a wholesaler's stock (wholesalers: from their own)",
  'inventory:audit': "Read a serial's full history, consumer details included",
  'warranty:read': 'Read warranties',
  'warranty:activate': 'Activate a warranty',
  'warranty:void': 'Void a warranty',
  'claims:file': 'File a warranty claim (consumers: for their own warranties)',
  'claims:read': 'Read every warranty claim and its photos',
  'claims:manage': 'Review, approve, reject, resolve and assign warranty claims',
  'ops:read': 'Read operational state: jobs, leases, projections',
  'notifications:read': 'Read the notification log: emails and SMS sent, failed or queued',
};

/**
 * What each built-in role may do: the one table routes and tests read. Tenant-scoped roles (client_admin,
 * operator, field_engineer, read_only) use their permissions inside their own tenant only.
 */
export const ROLE_PERMISSIONS: Readonly<Record<BuiltInRole, readonly Permission[]>> = {
  admin: PERMISSIONS,
  wholesaler: ['auth:self', 'inventory:read', 'serials:sell', 'serials:release', 'warranty:read', 'warranty:activate'],
  consumer: ['auth:self', 'warranty:activate', 'wholesaler-applications:apply', 'claims:file'],
  client_admin: ['auth:self', 'users:read', 'users:manage', 'roles:read', 'security:read', 'tenants:read'],
  operator: ['auth:self', 'tenants:read'],
  field_engineer: ['auth:self', 'tenants:read'],
  read_only: ['auth:self', 'tenants:read'],
  warehouse_manager: ['auth:self', 'inventory:read', 'inventory:manage', 'inventory:audit', 'serials:allocate', 'serials:release', 'warranty:read', 'notifications:read', 'claims:read'],
  sales_rep: ['auth:self', 'inventory:read', 'serials:sell', 'warranty:read'],
  support_agent: ['auth:self', 'users:read', 'inventory:audit', 'warranty:read', 'notifications:read', 'claims:read', 'claims:manage'],
  member: ['auth:self'],
};

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);

export const builtInRoleHasPermission = (role: BuiltInRole, permission: string): boolean =>
  (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
