import type { Role } from '../../domain/identity/user.decider';

export const USERS = 'users';

/** A user as clients see it: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly status: 'active' | 'deactivated';
  readonly registeredAt: string;
  readonly [field: string]: unknown;
}
