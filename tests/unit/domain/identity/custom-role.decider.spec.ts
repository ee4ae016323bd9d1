import {
  CustomRoleDecider,
  customRoleStreamId,
  type ChangeRole,
  type CustomRoleEvent,
  type DefineRole,
  type RetireRole,
} from '../../../../src/domain/identity/custom-role.decider';
import { given } from '../decider-spec';

const definition: DefineRole['data'] = {
  name: 'auditor',
  description: 'Reads everything',
  permissions: ['users:read', 'warranty:read'],
  tenantScoped: false,
  definedAt: '2026-01-01T00:00:00.000Z',
  definedBy: 'admin-1',
};
const define = (overrides: Partial<DefineRole['data']> = {}): DefineRole => ({ type: 'DefineRole', data: { ...definition, ...overrides } });
const defined: CustomRoleEvent = { type: 'RoleDefined', data: definition };
const change = (changes: Pick<ChangeRole['data'], 'description' | 'permissions'>, name = 'auditor'): ChangeRole => ({
  type: 'ChangeRole',
  data: { name, ...changes, changedAt: '2026-02-01T00:00:00.000Z', changedBy: 'admin-1' },
});
const retire = (name = 'auditor'): RetireRole => ({
  type: 'RetireRole',
  data: { name, retiredAt: '2026-03-01T00:00:00.000Z', retiredBy: 'admin-1' },
});
const retired: CustomRoleEvent = { type: 'RoleRetired', data: retire().data };

describe('custom role', () => {
  it('names its stream role-<name>', () => {
    expect(customRoleStreamId('auditor')).toBe('role-auditor');
  });

  describe('DefineRole', () => {
    it('defines a role', () => {
      given(CustomRoleDecider).when(define()).then([defined]);
      given(CustomRoleDecider, [defined]).thenState({
        status: 'active',
        name: 'auditor',
        description: 'Reads everything',
        permissions: ['users:read', 'warranty:read'],
        tenantScoped: false,
      });
    });

    it('refuses a built-in name as a conflict', () => {
      given(CustomRoleDecider).when(define({ name: 'wholesaler' })).thenThrows('role.built_in', { kind: 'conflict', details: { name: 'wholesaler' } });
    });

    it('refuses an existing name, and keeps a retired name taken', () => {
      given(CustomRoleDecider, [defined]).when(define()).thenThrows('role.already_exists', { kind: 'conflict' });
      given(CustomRoleDecider, [defined, retired]).when(define()).thenThrows('role.already_exists', { kind: 'conflict' });
    });

    it.each([['ab'], ['Auditor'], ['1auditor'], ['audit-or'], ['a'.repeat(41)]])('refuses the name %s', (name) => {
      given(CustomRoleDecider).when(define({ name })).thenThrows('role.invalid_name', { kind: 'invalid' });
    });

    it('refuses a role without permissions, or with one listed twice', () => {
      given(CustomRoleDecider).when(define({ permissions: [] })).thenThrows('role.no_permissions', { kind: 'invalid' });
      given(CustomRoleDecider)
        .when(define({ permissions: ['users:read', 'users:read'] }))
        .thenThrows('role.duplicate_permission', { kind: 'invalid' });
    });

    it('refuses a description over 500 characters', () => {
      given(CustomRoleDecider).when(define({ description: 'x'.repeat(501) })).thenThrows('role.invalid_description', { kind: 'invalid' });
    });
  });

  describe('ChangeRole', () => {
    it('changes permissions and description', () => {
      const command = change({ description: 'Reads users', permissions: ['users:read'] });
      given(CustomRoleDecider, [defined]).when(command).then([{ type: 'RoleChanged', data: command.data }]);
      given(CustomRoleDecider, [defined, { type: 'RoleChanged', data: command.data }]).thenState({
        status: 'active',
        name: 'auditor',
        description: 'Reads users',
        permissions: ['users:read'],
        tenantScoped: false,
      });
    });

    it('keeps what a change leaves out', () => {
      const command = change({ permissions: ['ops:read'] });
      given(CustomRoleDecider, [defined, { type: 'RoleChanged', data: command.data }]).thenState({
        status: 'active',
        name: 'auditor',
        description: 'Reads everything',
        permissions: ['ops:read'],
        tenantScoped: false,
      });
    });

    it('writes nothing when nothing changes (permissions in another order included)', () => {
      given(CustomRoleDecider, [defined]).when(change({ permissions: ['warranty:read', 'users:read'] })).then([]);
      given(CustomRoleDecider, [defined]).when(change({ description: 'Reads everything' })).then([]);
    });

    it('refuses a role that does not exist or is retired', () => {
      given(CustomRoleDecider).when(change({ description: 'x' })).thenThrows('role.not_found', { kind: 'not_found' });
      given(CustomRoleDecider, [defined, retired]).when(change({ description: 'x' })).thenThrows('role.not_found', { kind: 'not_found' });
    });

    it('checks the new permissions and description', () => {
      given(CustomRoleDecider, [defined]).when(change({ permissions: [] })).thenThrows('role.no_permissions');
      given(CustomRoleDecider, [defined]).when(change({ description: 'x'.repeat(501) })).thenThrows('role.invalid_description');
    });
  });

  describe('RetireRole', () => {
    it('retires an active role, keeping its facts', () => {
      given(CustomRoleDecider, [defined]).when(retire()).then([retired]);
      given(CustomRoleDecider, [defined, retired]).thenState({
        status: 'retired',
        name: 'auditor',
        description: 'Reads everything',
        permissions: ['users:read', 'warranty:read'],
        tenantScoped: false,
      });
    });

    it('retires a retired role again without a new event', () => {
      given(CustomRoleDecider, [defined, retired]).when(retire()).then([]);
    });

    it('refuses a role that does not exist', () => {
      given(CustomRoleDecider).when(retire('ghost')).thenThrows('role.not_found', { kind: 'not_found' });
    });
  });
});
