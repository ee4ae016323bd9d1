import type { Role } from '../../domain/identity/user.decider';

/** Every permission a route can require. A route names exactly one, or is public. */
export const PERMISSIONS = [
  'auth:self',
  'users:read',
  'users:manage',
  'inventory:read',
  'inventory:manage',
  'serials:allocate',
  'serials:sell',
  'warranty:read',
  'warranty:activate',
  'warranty:void',
  'ops:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Which role holds which permission: the one table that routes and tests read. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  wholesaler: ['auth:self', 'inventory:read', 'serials:sell', 'warranty:read', 'warranty:activate'],
  consumer: ['auth:self', 'warranty:activate'],
};

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);

export const roleHasPermission = (role: string, permission: string): boolean =>
  role in ROLE_PERMISSIONS && (ROLE_PERMISSIONS[role as Role] as readonly string[]).includes(permission);
