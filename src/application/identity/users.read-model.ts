export const USERS = 'users';

/** A user as clients see it: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly name: string;
  readonly role: string;
  readonly tenantId: string | null;
  readonly status: 'active' | 'deactivated';
  readonly referralCode: string | null;
  readonly registeredAt: string;
  readonly [field: string]: unknown;
}
