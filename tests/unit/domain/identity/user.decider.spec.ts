import {
  UserDecider,
  userStreamId,
  type ChangeUserPassword,
  type ChangeUserProfile,
  type ChangeUserRole,
  type DeactivateUser,
  type ProfileChanges,
  type ReactivateUser,
  type RecordLoginFailure,
  type RegisterUser,
  type RevokeUserSessions,
  type UserEvent,
} from '../../../../src/domain/identity/user.decider';
import { given } from '../decider-spec';

const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const registration: RegisterUser['data'] = {
  userId: 'u-1',
  email: 'ann@example.com',
  phone: '+254712345678',
  name: 'Ann Njeri',
  role: 'wholesaler',
  tenantId: null,
  passwordHash: HASH,
  referralCode: 'REF-ABC234',
  referredBy: null,
  registeredAt: '2024-05-01T10:00:00.000Z',
  registeredBy: null,
};
const register = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { ...registration, ...overrides },
});
const registered: UserEvent = { type: 'UserRegistered', data: registration };

const changeProfile = (changes: ProfileChanges): ChangeUserProfile => ({
  type: 'ChangeUserProfile',
  data: { userId: 'u-1', changes, changedAt: '2024-05-10T00:00:00.000Z', changedBy: 'u-1' },
});
const profileChanged = (changes: ProfileChanges): UserEvent => ({ type: 'UserProfileChanged', data: changeProfile(changes).data });

const changePassword = (reason: ChangeUserPassword['data']['reason'] = 'changed'): ChangeUserPassword => ({
  type: 'ChangeUserPassword',
  data: { userId: 'u-1', passwordHash: 'scrypt$new', reason, changedAt: '2024-05-20T00:00:00.000Z', changedBy: 'u-1' },
});

const changeRole = (role: string, tenantId: string | null = null): ChangeUserRole => ({
  type: 'ChangeUserRole',
  data: { userId: 'u-1', role, tenantId, changedAt: '2024-06-01T00:00:00.000Z', changedBy: 'admin-1' },
});
const roleChanged = (previous: [string, string | null], next: [string, string | null]): UserEvent => ({
  type: 'UserRoleChanged',
  data: { ...changeRole(...next).data, previousRole: previous[0], previousTenantId: previous[1] },
});

const deactivate: DeactivateUser = {
  type: 'DeactivateUser',
  data: { userId: 'u-1', reason: 'left the company', deactivatedAt: '2024-07-01T00:00:00.000Z', deactivatedBy: 'admin-1' },
};
const deactivated: UserEvent = { type: 'UserDeactivated', data: deactivate.data };
const reactivate: ReactivateUser = {
  type: 'ReactivateUser',
  data: { userId: 'u-1', reactivatedAt: '2024-08-01T00:00:00.000Z', reactivatedBy: 'admin-1' },
};
const reactivated: UserEvent = { type: 'UserReactivated', data: reactivate.data };

const recordLoginFailure = (reason: RecordLoginFailure['data']['reason'] = 'wrong_password'): RecordLoginFailure => ({
  type: 'RecordLoginFailure',
  data: { userId: 'u-1', reason, at: '2024-05-02T00:00:00.000Z' },
});
const revokeSessions: RevokeUserSessions = {
  type: 'RevokeUserSessions',
  data: { userId: 'u-1', reason: 'suspicious_activity', at: '2024-05-03T00:00:00.000Z', by: 'admin-1' },
};
const sessionsRevoked = (sessionEpoch: number): UserEvent => ({ type: 'UserSessionsRevoked', data: { ...revokeSessions.data, sessionEpoch } });

/** The state right after `registered`. */
const account = {
  userId: 'u-1',
  email: 'ann@example.com',
  phone: '+254712345678',
  name: 'Ann Njeri',
  role: 'wholesaler',
  tenantId: null,
  passwordHash: HASH,
  referralCode: 'REF-ABC234',
  registeredAt: '2024-05-01T10:00:00.000Z',
  sessionEpoch: 0,
};

describe('user', () => {
  it('names its stream user-<userId>', () => {
    expect(userStreamId('u-1')).toBe('user-u-1');
  });

  describe('RegisterUser', () => {
    it('registers a user with email and phone', () => {
      given(UserDecider).when(register()).then([registered]);
    });

    it('registers a user with only an email, or only a phone', () => {
      const emailOnly = { ...registration, phone: null };
      const phoneOnly = { ...registration, email: null };
      given(UserDecider).when(register(emailOnly)).then([{ type: 'UserRegistered', data: emailOnly }]);
      given(UserDecider).when(register(phoneOnly)).then([{ type: 'UserRegistered', data: phoneOnly }]);
    });

    it('registers a one-time-code user without a password, by an admin, referred by another user', () => {
      const data = { ...registration, role: 'consumer', passwordHash: null, registeredBy: 'admin-1', referredBy: 'u-0' };
      given(UserDecider).when(register(data)).then([{ type: 'UserRegistered', data }]);
    });

    it('registers a tenant role inside a tenant, and a custom role with or without one', () => {
      for (const overrides of [
        { role: 'operator', tenantId: 't-1' },
        { role: 'night_shift', tenantId: 't-1' },
        { role: 'night_shift', tenantId: null },
      ]) {
        given(UserDecider).when(register(overrides)).then([{ type: 'UserRegistered', data: { ...registration, ...overrides } }]);
      }
    });

    it('refuses a user with neither email nor phone', () => {
      given(UserDecider)
        .when(register({ email: null, phone: null }))
        .thenThrows('user.contact_required', { kind: 'invalid' });
    });

    it('refuses an existing user, active or deactivated', () => {
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
      ['user.invalid_phone', { phone: '0712345678' }],
      ['user.invalid_phone', { phone: '254712345678' }],
      ['user.invalid_phone', { phone: '+254 712 345 678' }],
      ['user.invalid_phone', { phone: '+0712345678' }],
      ['user.invalid_phone', { phone: '+1234567' }],
      ['user.invalid_phone', { phone: '+1234567890123456' }],
      ['user.invalid_name', { name: '' }],
      ['user.invalid_name', { name: ' ' }],
      ['user.invalid_name', { name: 'x'.repeat(121) }],
      ['user.invalid_role', { role: 'Root' }],
      ['user.invalid_role', { role: 'ab' }],
      ['user.invalid_role', { role: 'night-shift' }],
      ['user.invalid_password_hash', { passwordHash: '' }],
    ])('refuses with %s: %p', (code, overrides) => {
      given(UserDecider).when(register(overrides)).thenThrows(code, { kind: 'invalid' });
    });

    it.each<[string, string | null]>([
      ['operator', null],
      ['client_admin', null],
      ['field_engineer', null],
      ['read_only', null],
      ['admin', 't-1'],
      ['consumer', 't-1'],
      ['member', 't-1'],
    ])('refuses the built-in role %s with tenant %p (user.role_tenant_mismatch)', (role, tenantId) => {
      given(UserDecider)
        .when(register({ role, tenantId }))
        .thenThrows('user.role_tenant_mismatch', { kind: 'invalid', details: { role } });
    });
  });

  describe('ChangeUserProfile', () => {
    it('records only the fields that change', () => {
      given(UserDecider, [registered])
        .when(changeProfile({ name: 'Ann W. Njeri', email: 'ann@example.com', phone: '+254700000001' }))
        .then([profileChanged({ name: 'Ann W. Njeri', phone: '+254700000001' })]);
    });

    it('drops the email or the phone as long as one contact remains', () => {
      given(UserDecider, [registered]).when(changeProfile({ email: null })).then([profileChanged({ email: null })]);
      given(UserDecider, [registered]).when(changeProfile({ phone: null })).then([profileChanged({ phone: null })]);
    });

    it('refuses to leave the user without any contact', () => {
      given(UserDecider, [registered])
        .when(changeProfile({ email: null, phone: null }))
        .thenThrows('user.contact_required', { kind: 'invalid' });
      given(UserDecider, [registered, profileChanged({ phone: null })])
        .when(changeProfile({ email: null }))
        .thenThrows('user.contact_required', { kind: 'invalid' });
    });

    it('is a no-op when nothing changes', () => {
      given(UserDecider, [registered]).when(changeProfile({})).then([]);
      given(UserDecider, [registered])
        .when(changeProfile({ name: 'Ann Njeri', email: 'ann@example.com', phone: '+254712345678' }))
        .then([]);
      given(UserDecider, [registered, profileChanged({ email: null })]).when(changeProfile({ email: null })).then([]);
    });

    it.each<[string, ProfileChanges]>([
      ['user.invalid_name', { name: '' }],
      ['user.invalid_email', { email: 'ANN@example.com' }],
      ['user.invalid_phone', { phone: '0712345678' }],
    ])('refuses with %s: %p', (code, changes) => {
      given(UserDecider, [registered]).when(changeProfile(changes)).thenThrows(code, { kind: 'invalid' });
    });

    it('refuses a missing or deactivated user', () => {
      given(UserDecider).when(changeProfile({ name: 'X Y' })).thenThrows('user.not_found', { kind: 'not_found', details: { userId: 'u-1' } });
      given(UserDecider, [registered, deactivated])
        .when(changeProfile({ name: 'X Y' }))
        .thenThrows('user.deactivated', { kind: 'conflict', details: { userId: 'u-1' } });
    });
  });

  describe('ChangeUserPassword', () => {
    it.each(['changed', 'reset', 'set_by_admin'] as const)('records the %s password and revokes every session (epoch + 1)', (reason) => {
      const command = changePassword(reason);
      given(UserDecider, [registered])
        .when(command)
        .then([
          { type: 'UserPasswordChanged', data: command.data },
          {
            type: 'UserSessionsRevoked',
            data: { userId: 'u-1', reason: `password_${reason}`, at: command.data.changedAt, by: 'u-1', sessionEpoch: 1 },
          },
        ]);
    });

    it('counts the epoch on from earlier revocations', () => {
      const command = changePassword();
      given(UserDecider, [registered, sessionsRevoked(1), sessionsRevoked(2)])
        .when(command)
        .then([
          { type: 'UserPasswordChanged', data: command.data },
          { type: 'UserSessionsRevoked', data: { userId: 'u-1', reason: 'password_changed', at: command.data.changedAt, by: 'u-1', sessionEpoch: 3 } },
        ]);
    });

    it('refuses an empty hash', () => {
      const command = changePassword();
      given(UserDecider, [registered])
        .when({ ...command, data: { ...command.data, passwordHash: '' } })
        .thenThrows('user.invalid_password_hash', { kind: 'invalid' });
    });

    it('refuses a missing or deactivated user', () => {
      given(UserDecider).when(changePassword()).thenThrows('user.not_found', { kind: 'not_found' });
      given(UserDecider, [registered, deactivated]).when(changePassword('reset')).thenThrows('user.deactivated', { kind: 'conflict' });
    });
  });

  describe('ChangeUserRole', () => {
    it('changes the role, recording the previous role and tenant', () => {
      given(UserDecider, [registered]).when(changeRole('admin')).then([roleChanged(['wholesaler', null], ['admin', null])]);
    });

    it('moves a user into a tenant role and between tenants', () => {
      given(UserDecider, [registered]).when(changeRole('operator', 't-1')).then([roleChanged(['wholesaler', null], ['operator', 't-1'])]);
      given(UserDecider, [registered, roleChanged(['wholesaler', null], ['operator', 't-1'])])
        .when(changeRole('operator', 't-2'))
        .then([roleChanged(['operator', 't-1'], ['operator', 't-2'])]);
    });

    it('records nothing for the current role and tenant', () => {
      given(UserDecider, [registered]).when(changeRole('wholesaler')).then([]);
      given(UserDecider, [registered, roleChanged(['wholesaler', null], ['operator', 't-1'])]).when(changeRole('operator', 't-1')).then([]);
    });

    it('refuses a malformed role name and a built-in role in the wrong place', () => {
      given(UserDecider, [registered]).when(changeRole('Root!')).thenThrows('user.invalid_role', { kind: 'invalid' });
      given(UserDecider, [registered]).when(changeRole('operator')).thenThrows('user.role_tenant_mismatch', { kind: 'invalid' });
      given(UserDecider, [registered]).when(changeRole('admin', 't-1')).thenThrows('user.role_tenant_mismatch', { kind: 'invalid' });
    });

    it('refuses a missing or deactivated user', () => {
      given(UserDecider).when(changeRole('admin')).thenThrows('user.not_found', { kind: 'not_found', details: { userId: 'u-1' } });
      given(UserDecider, [registered, deactivated])
        .when(changeRole('admin'))
        .thenThrows('user.deactivated', { kind: 'conflict', details: { userId: 'u-1' } });
    });
  });

  describe('DeactivateUser and ReactivateUser', () => {
    it('deactivates an active user, and is idempotent', () => {
      given(UserDecider, [registered]).when(deactivate).then([deactivated]);
      given(UserDecider, [registered, deactivated]).when(deactivate).then([]);
    });

    it('reactivates a deactivated user, and is idempotent', () => {
      given(UserDecider, [registered, deactivated]).when(reactivate).then([reactivated]);
      given(UserDecider, [registered]).when(reactivate).then([]);
      given(UserDecider, [registered, deactivated, reactivated]).when(reactivate).then([]);
    });

    it('refuses a missing user', () => {
      given(UserDecider).when(deactivate).thenThrows('user.not_found', { kind: 'not_found' });
      given(UserDecider).when(reactivate).thenThrows('user.not_found', { kind: 'not_found' });
    });
  });

  describe('RecordLoginFailure', () => {
    it.each(['wrong_password', 'deactivated'] as const)('records a %s failure, for active and deactivated users alike', (reason) => {
      const command = recordLoginFailure(reason);
      given(UserDecider, [registered]).when(command).then([{ type: 'UserLoginFailed', data: command.data }]);
      given(UserDecider, [registered, deactivated]).when(command).then([{ type: 'UserLoginFailed', data: command.data }]);
    });

    it('refuses a missing user', () => {
      given(UserDecider).when(recordLoginFailure()).thenThrows('user.not_found', { kind: 'not_found' });
    });
  });

  describe('RevokeUserSessions', () => {
    it('revokes every session by moving to the next epoch', () => {
      given(UserDecider, [registered]).when(revokeSessions).then([sessionsRevoked(1)]);
      given(UserDecider, [registered, sessionsRevoked(1)]).when(revokeSessions).then([sessionsRevoked(2)]);
    });

    it('counts a deactivation as a revocation', () => {
      given(UserDecider, [registered, deactivated]).when(revokeSessions).then([sessionsRevoked(2)]);
    });

    it('refuses a missing user', () => {
      given(UserDecider).when(revokeSessions).thenThrows('user.not_found', { kind: 'not_found' });
    });
  });

  describe('evolve', () => {
    it('starts empty', () => {
      given(UserDecider).thenState({ status: 'none' });
    });

    it('is active at epoch 0 after UserRegistered', () => {
      given(UserDecider, [registered]).thenState({ status: 'active', ...account });
    });

    it('reads a registration written before phones, tenants and referrals existed', () => {
      const { phone: _phone, tenantId: _tenant, referralCode: _code, referredBy: _by, ...legacy } = registration;
      given(UserDecider, [{ type: 'UserRegistered', data: legacy } as unknown as UserEvent]).thenState({
        status: 'active',
        ...account,
        phone: null,
        tenantId: null,
        referralCode: null,
      });
    });

    it('applies profile, password and role changes', () => {
      const passwordChanged: UserEvent = { type: 'UserPasswordChanged', data: changePassword().data };
      given(UserDecider, [
        registered,
        profileChanged({ name: 'Ann W.', email: null }),
        passwordChanged,
        roleChanged(['wholesaler', null], ['operator', 't-1']),
      ]).thenState({
        status: 'active',
        ...account,
        name: 'Ann W.',
        email: null,
        passwordHash: 'scrypt$new',
        role: 'operator',
        tenantId: 't-1',
      });
    });

    it('takes the epoch a UserSessionsRevoked names, and ignores failed logins', () => {
      const loginFailed: UserEvent = { type: 'UserLoginFailed', data: recordLoginFailure().data };
      given(UserDecider, [registered, sessionsRevoked(4), loginFailed]).thenState({
        status: 'active',
        ...account,
        sessionEpoch: 4,
      });
    });

    it('is deactivated, one epoch on, after UserDeactivated; active again, keeping that epoch, after UserReactivated', () => {
      given(UserDecider, [registered, deactivated]).thenState({
        status: 'deactivated',
        ...account,
        deactivatedAt: '2024-07-01T00:00:00.000Z',
        sessionEpoch: 1,
      });
      given(UserDecider, [registered, deactivated, reactivated]).thenState({ status: 'active', ...account, sessionEpoch: 1 });
    });

    it('ignores changes to a user it never saw', () => {
      given(UserDecider, [roleChanged(['wholesaler', null], ['admin', null]), deactivated, sessionsRevoked(1)]).thenState({ status: 'none' });
    });
  });
});
