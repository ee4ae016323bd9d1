import {
  isRole,
  ROLES,
  UserDecider,
  userStreamId,
  type ChangeUserRole,
  type DeactivateUser,
  type RegisterUser,
  type Role,
  type UserEvent,
} from '../../../../src/domain/identity/user.decider';
import { given } from '../decider-spec';

const registration: RegisterUser['data'] = {
  userId: 'u-1',
  email: 'ann@example.com',
  name: 'Ann Njeri',
  role: 'wholesaler',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
  registeredAt: '2024-05-01T10:00:00.000Z',
  registeredBy: null,
};
const register = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { ...registration, ...overrides },
});
const registered: UserEvent = { type: 'UserRegistered', data: registration };
const changeRole = (role: Role): ChangeUserRole => ({
  type: 'ChangeUserRole',
  data: { userId: 'u-1', role, changedAt: '2024-06-01T00:00:00.000Z', changedBy: 'admin-1' },
});
const roleChanged = (previousRole: Role, role: Role): UserEvent => ({
  type: 'UserRoleChanged',
  data: { userId: 'u-1', previousRole, role, changedAt: '2024-06-01T00:00:00.000Z', changedBy: 'admin-1' },
});
const deactivate: DeactivateUser = {
  type: 'DeactivateUser',
  data: { userId: 'u-1', deactivatedAt: '2024-07-01T00:00:00.000Z', deactivatedBy: 'admin-1' },
};
const deactivated: UserEvent = { type: 'UserDeactivated', data: deactivate.data };

describe('user', () => {
  it('names its stream user-<userId>', () => {
    expect(userStreamId('u-1')).toBe('user-u-1');
  });

  it('knows the three roles', () => {
    expect(ROLES).toEqual(['admin', 'wholesaler', 'consumer']);
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  describe('RegisterUser', () => {
    it('registers a user', () => {
      given(UserDecider).when(register()).then([registered]);
    });

    it('registers a one-time-code user without a password, by an admin', () => {
      const data = { ...registration, role: 'consumer' as const, passwordHash: null, registeredBy: 'admin-1' };
      given(UserDecider).when(register(data)).then([{ type: 'UserRegistered', data }]);
    });

    it('refuses an existing user', () => {
      given(UserDecider, [registered])
        .when(register())
        .thenThrows('user.already_exists', { kind: 'conflict', details: { userId: 'u-1' } });
      given(UserDecider, [registered, deactivated]).when(register()).thenThrows('user.already_exists');
    });

    it.each<[string, Partial<RegisterUser['data']>]>([
      ['user.invalid_email', { email: 'ann' }],
      ['user.invalid_email', { email: 'ann@example' }],
      ['user.invalid_email', { email: 'ann @example.com' }],
      ['user.invalid_email', { email: 'Ann@Example.com' }],
      ['user.invalid_email', { email: `${'a'.repeat(250)}@example.com` }],
      ['user.invalid_name', { name: '' }],
      ['user.invalid_name', { name: ' ' }],
      ['user.invalid_name', { name: 'x'.repeat(121) }],
      ['user.invalid_role', { role: 'root' as Role }],
      ['user.invalid_password_hash', { passwordHash: '' }],
    ])('refuses with %s: %p', (code, overrides) => {
      given(UserDecider).when(register(overrides)).thenThrows(code, { kind: 'invalid' });
    });
  });

  describe('ChangeUserRole', () => {
    it('changes the role, recording the previous one', () => {
      given(UserDecider, [registered]).when(changeRole('admin')).then([roleChanged('wholesaler', 'admin')]);
    });

    it('records nothing for the current role', () => {
      given(UserDecider, [registered]).when(changeRole('wholesaler')).then([]);
      given(UserDecider, [registered, roleChanged('wholesaler', 'consumer')]).when(changeRole('consumer')).then([]);
    });

    it('refuses an unknown role', () => {
      given(UserDecider, [registered]).when(changeRole('root' as Role)).thenThrows('user.invalid_role', { kind: 'invalid' });
    });

    it('refuses a missing user', () => {
      given(UserDecider)
        .when(changeRole('admin'))
        .thenThrows('user.not_found', { kind: 'not_found', details: { userId: 'u-1' } });
    });

    it('refuses a deactivated user', () => {
      given(UserDecider, [registered, deactivated])
        .when(changeRole('admin'))
        .thenThrows('user.deactivated', { kind: 'conflict', details: { userId: 'u-1' } });
    });
  });

  describe('DeactivateUser', () => {
    it('deactivates an active user', () => {
      given(UserDecider, [registered]).when(deactivate).then([deactivated]);
    });

    it('is idempotent', () => {
      given(UserDecider, [registered, deactivated]).when(deactivate).then([]);
    });

    it('refuses a missing user', () => {
      given(UserDecider).when(deactivate).thenThrows('user.not_found', { kind: 'not_found' });
    });
  });

  describe('evolve', () => {
    const account = {
      userId: 'u-1',
      email: 'ann@example.com',
      name: 'Ann Njeri',
      role: 'wholesaler',
      passwordHash: registration.passwordHash,
      registeredAt: '2024-05-01T10:00:00.000Z',
    } as const;

    it('starts empty', () => {
      given(UserDecider).thenState({ status: 'none' });
    });

    it('is active after UserRegistered', () => {
      given(UserDecider, [registered]).thenState({ status: 'active', ...account });
    });

    it('takes the new role after UserRoleChanged', () => {
      given(UserDecider, [registered, roleChanged('wholesaler', 'admin')]).thenState({
        status: 'active',
        ...account,
        role: 'admin',
      });
    });

    it('is deactivated after UserDeactivated', () => {
      given(UserDecider, [registered, deactivated]).thenState({
        status: 'deactivated',
        ...account,
        deactivatedAt: '2024-07-01T00:00:00.000Z',
      });
    });

    it('ignores changes to a user it never saw', () => {
      given(UserDecider, [roleChanged('wholesaler', 'admin'), deactivated]).thenState({ status: 'none' });
    });
  });
});
