import { isEmailAddress, isE164Phone } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { isBuiltInRole, isTenantRole, ROLE_NAME_PATTERN } from './roles';
import type {
  ChangeUserProfile,
  ChangeUserRole,
  RegistrationData,
  UserAccount,
  UserCommand,
  UserEvent,
  UserState,
} from './user.events';

export * from './user.events';

const MAX_NAME_LENGTH = 120;
type Existing = Exclude<UserState, { status: 'none' }>;
type Active = Extract<UserState, { status: 'active' }>;

const missing = (userId: string) => notFound('user.not_found', `User ${userId} does not exist`, { userId });

const assertName = (name: string): void => {
  if (name.trim().length === 0 || name.length > MAX_NAME_LENGTH) {
    throw invalid('user.invalid_name', `A user name is 1..${MAX_NAME_LENGTH} characters`);
  }
};

const assertEmail = (email: string | null): void => {
  if (email !== null && (!isEmailAddress(email) || email !== email.toLowerCase())) {
    throw invalid('user.invalid_email', 'The email address is not valid (or not lower-cased)', { email });
  }
};

const assertPhone = (phone: string | null): void => {
  if (phone !== null && !isE164Phone(phone)) {
    throw invalid('user.invalid_phone', 'The phone number is not in E.164 form (+ and 8 to 15 digits)', { phone });
  }
};

/** Built-in tenant roles need a tenant and other built-in roles refuse one; custom roles are checked by the application. */
const assertRole = (role: string, tenantId: string | null): void => {
  if (!isBuiltInRole(role) && !ROLE_NAME_PATTERN.test(role)) {
    throw invalid('user.invalid_role', `${role} is not a role name`, { role });
  }
  if (isBuiltInRole(role) && isTenantRole(role) !== (tenantId !== null)) {
    const message = isTenantRole(role) ? `The ${role} role belongs to a tenant` : `The ${role} role belongs to no tenant`;
    throw invalid('user.role_tenant_mismatch', message, { role });
  }
};

const existing = (state: UserState, userId: string): Existing => {
  if (state.status === 'none') throw missing(userId);
  return state;
};

const active = (state: UserState, userId: string): Active => {
  const user = existing(state, userId);
  if (user.status === 'deactivated') throw conflict('user.deactivated', `User ${userId} is deactivated`, { userId });
  return user;
};

const register = (data: RegistrationData, state: UserState): UserEvent[] => {
  assertEmail(data.email);
  assertPhone(data.phone);
  if (data.email === null && data.phone === null) {
    throw invalid('user.contact_required', 'A user has an email address, a phone number, or both');
  }
  assertName(data.name);
  assertRole(data.role, data.tenantId);
  if (data.passwordHash !== null && data.passwordHash.length === 0) {
    throw invalid('user.invalid_password_hash', 'A password hash, when given, is not empty');
  }
  if (state.status !== 'none') throw conflict('user.already_exists', `User ${data.userId} already exists`, { userId: data.userId });
  return [{ type: 'UserRegistered', data }];
};

const changeProfile = (data: ChangeUserProfile['data'], state: UserState): UserEvent[] => {
  const user = active(state, data.userId);
  const { name, email, phone } = data.changes;
  if (name !== undefined) assertName(name);
  if (email !== undefined) assertEmail(email);
  if (phone !== undefined) assertPhone(phone);
  const next = { email: email === undefined ? user.email : email, phone: phone === undefined ? user.phone : phone };
  if (next.email === null && next.phone === null) {
    throw invalid('user.contact_required', 'A user keeps an email address, a phone number, or both');
  }
  const changes = Object.fromEntries(
    Object.entries({ name, email, phone }).filter(([field, value]) => value !== undefined && value !== user[field as keyof UserAccount]),
  );
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'UserProfileChanged', data: { ...data, changes } }];
};

const changeRole = (data: ChangeUserRole['data'], state: UserState): UserEvent[] => {
  assertRole(data.role, data.tenantId);
  const user = active(state, data.userId);
  if (user.role === data.role && user.tenantId === data.tenantId) return [];
  return [{ type: 'UserRoleChanged', data: { ...data, previousRole: user.role, previousTenantId: user.tenantId } }];
};

const decide = (command: UserCommand, state: UserState): readonly UserEvent[] => {
  switch (command.type) {
    case 'RegisterUser':
      return register(command.data, state);
    case 'ChangeUserProfile':
      return changeProfile(command.data, state);
    case 'ChangeUserPassword': {
      const user = active(state, command.data.userId);
      if (command.data.passwordHash.length === 0) throw invalid('user.invalid_password_hash', 'A password hash is not empty');
      // A new password ends every session: whoever knew the old one is signed out everywhere.
      const revoked = { userId: user.userId, reason: `password_${command.data.reason}`, at: command.data.changedAt, by: command.data.changedBy };
      return [
        { type: 'UserPasswordChanged', data: command.data },
        { type: 'UserSessionsRevoked', data: { ...revoked, sessionEpoch: user.sessionEpoch + 1 } },
      ];
    }
    case 'ChangeUserRole':
      return changeRole(command.data, state);
    case 'DeactivateUser': {
      const user = existing(state, command.data.userId);
      return user.status === 'deactivated' ? [] : [{ type: 'UserDeactivated', data: command.data }];
    }
    case 'ReactivateUser': {
      const user = existing(state, command.data.userId);
      return user.status === 'active' ? [] : [{ type: 'UserReactivated', data: command.data }];
    }
    case 'RecordLoginFailure':
      existing(state, command.data.userId);
      return [{ type: 'UserLoginFailed', data: command.data }];
    case 'RevokeUserSessions': {
      const user = existing(state, command.data.userId);
      return [{ type: 'UserSessionsRevoked', data: { ...command.data, sessionEpoch: user.sessionEpoch + 1 } }];
    }
    default:
      return assertNever(command);
  }
};

const evolveExisting = (state: Existing, event: Exclude<UserEvent, { type: 'UserRegistered' }>): UserState => {
  switch (event.type) {
    case 'UserProfileChanged':
      return { ...state, ...event.data.changes };
    case 'UserPasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'UserRoleChanged':
      return { ...state, role: event.data.role, tenantId: event.data.tenantId };
    case 'UserDeactivated':
      // Deactivation also ends every session.
      return { ...state, status: 'deactivated', deactivatedAt: event.data.deactivatedAt, sessionEpoch: state.sessionEpoch + 1 };
    case 'UserReactivated': {
      const { deactivatedAt: _ended, ...account } = state as Extract<Existing, { status: 'deactivated' }>;
      return { ...account, status: 'active' };
    }
    case 'UserSessionsRevoked':
      return { ...state, sessionEpoch: event.data.sessionEpoch };
    case 'UserLoginFailed':
      return state;
    default:
      return assertNever(event);
  }
};

const evolve = (state: UserState, event: UserEvent): UserState => {
  if (event.type === 'UserRegistered') {
    const { userId, email, phone, name, role, tenantId, passwordHash, referralCode, registeredAt } = event.data;
    // Events written before phones, tenants and referrals existed lack those fields.
    return {
      status: 'active',
      userId,
      email: email ?? null,
      phone: phone ?? null,
      name,
      role,
      tenantId: tenantId ?? null,
      passwordHash,
      referralCode: referralCode ?? null,
      registeredAt,
      sessionEpoch: 0,
    };
  }
  return state.status === 'none' ? state : evolveExisting(state, event);
};

export const UserDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
