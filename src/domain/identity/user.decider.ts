import { isEmailAddress } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

export const userStreamId = (userId: string): string => `user-${userId}`;

export const ROLES = ['admin', 'wholesaler', 'consumer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export type RegisterUser = DomainCommand<
  'RegisterUser',
  {
    readonly userId: string;
    readonly email: string;
    readonly name: string;
    readonly role: Role;
    /** Null for users who sign in by one-time code only. */
    readonly passwordHash: string | null;
    readonly registeredAt: string;
    readonly registeredBy: string | null;
  }
>;
export type ChangeUserRole = DomainCommand<
  'ChangeUserRole',
  { readonly userId: string; readonly role: Role; readonly changedAt: string; readonly changedBy: string | null }
>;
export type DeactivateUser = DomainCommand<
  'DeactivateUser',
  { readonly userId: string; readonly deactivatedAt: string; readonly deactivatedBy: string | null }
>;
export type UserCommand = RegisterUser | ChangeUserRole | DeactivateUser;

export type UserRegistered = DomainEvent<'UserRegistered', RegisterUser['data']>;
export type UserRoleChanged = DomainEvent<
  'UserRoleChanged',
  {
    readonly userId: string;
    readonly previousRole: Role;
    readonly role: Role;
    readonly changedAt: string;
    readonly changedBy: string | null;
  }
>;
export type UserDeactivated = DomainEvent<'UserDeactivated', DeactivateUser['data']>;
export type UserEvent = UserRegistered | UserRoleChanged | UserDeactivated;

interface UserAccount {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string | null;
  readonly registeredAt: string;
}
export type UserState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & UserAccount)
  | ({ readonly status: 'deactivated'; readonly deactivatedAt: string } & UserAccount);

const MAX_NAME_LENGTH = 120;

const assertRole = (role: string): void => {
  if (!isRole(role)) {
    throw invalid('user.invalid_role', `Unknown role ${role}; expected one of ${ROLES.join(', ')}`, { role });
  }
};

const missing = (userId: string) => notFound('user.not_found', `User ${userId} does not exist`, { userId });

const register = (data: RegisterUser['data'], state: UserState): readonly UserEvent[] => {
  const { userId, email, name, role, passwordHash, registeredAt, registeredBy } = data;
  if (!isEmailAddress(email) || email !== email.toLowerCase()) {
    throw invalid('user.invalid_email', 'The email address is not valid (or not lower-cased)', { email });
  }
  if (name.trim().length === 0 || name.length > MAX_NAME_LENGTH) {
    throw invalid('user.invalid_name', `A user name is 1..${MAX_NAME_LENGTH} characters`);
  }
  assertRole(role);
  if (passwordHash !== null && passwordHash.length === 0) {
    throw invalid('user.invalid_password_hash', 'A password hash, when given, is not empty');
  }
  if (state.status !== 'none') {
    throw conflict('user.already_exists', `User ${userId} already exists`, { userId });
  }
  return [
    { type: 'UserRegistered', data: { userId, email, name, role, passwordHash, registeredAt, registeredBy } },
  ];
};

const changeRole = (data: ChangeUserRole['data'], state: UserState): readonly UserEvent[] => {
  const { userId, role, changedAt, changedBy } = data;
  assertRole(role);
  if (state.status === 'none') throw missing(userId);
  if (state.status === 'deactivated') {
    throw conflict('user.deactivated', `User ${userId} is deactivated`, { userId });
  }
  if (state.role === role) return [];
  return [{ type: 'UserRoleChanged', data: { userId, previousRole: state.role, role, changedAt, changedBy } }];
};

const deactivate = (data: DeactivateUser['data'], state: UserState): readonly UserEvent[] => {
  const { userId, deactivatedAt, deactivatedBy } = data;
  if (state.status === 'none') throw missing(userId);
  if (state.status === 'deactivated') return [];
  return [{ type: 'UserDeactivated', data: { userId, deactivatedAt, deactivatedBy } }];
};

const decide = (command: UserCommand, state: UserState): readonly UserEvent[] => {
  switch (command.type) {
    case 'RegisterUser':
      return register(command.data, state);
    case 'ChangeUserRole':
      return changeRole(command.data, state);
    case 'DeactivateUser':
      return deactivate(command.data, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: UserState, event: UserEvent): UserState => {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, name, role, passwordHash, registeredAt } = event.data;
      return { status: 'active', userId, email, name, role, passwordHash, registeredAt };
    }
    case 'UserRoleChanged':
      return state.status === 'none' ? state : { ...state, role: event.data.role };
    case 'UserDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'deactivated', deactivatedAt: event.data.deactivatedAt };
    default:
      return assertNever(event);
  }
};

export const UserDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
