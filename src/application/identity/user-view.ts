import type { UserState } from '../../domain/identity/user.decider';
import type { UserView } from './users.read-model';

export type ExistingUser = Exclude<UserState, { status: 'none' }>;

/** The client-facing view of a user's current state (the same shape the read model stores). */
export const toUserView = (user: ExistingUser): UserView => ({
  id: user.userId,
  email: user.email,
  phone: user.phone,
  name: user.name,
  role: user.role,
  tenantId: user.tenantId,
  status: user.status,
  referralCode: user.referralCode,
  registeredAt: user.registeredAt,
});
