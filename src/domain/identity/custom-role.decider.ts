import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';
import { isBuiltInRole, ROLE_NAME_PATTERN } from './roles';

/** An admin-defined role: a name, a description and a set of permissions from the permission table. */
export const customRoleStreamId = (name: string): string => `role-${name}`;

const MAX_DESCRIPTION_LENGTH = 500;

export type DefineRole = DomainCommand<
  'DefineRole',
  {
    readonly name: string;
    readonly description: string;
    readonly permissions: readonly string[];
    /** Holders belong to a tenant and act inside it only. */
    readonly tenantScoped: boolean;
    readonly definedAt: string;
    readonly definedBy: string | null;
  }
>;
export type ChangeRole = DomainCommand<
  'ChangeRole',
  {
    readonly name: string;
    readonly description?: string | undefined;
    readonly permissions?: readonly string[] | undefined;
    readonly changedAt: string;
    readonly changedBy: string | null;
  }
>;
export type RetireRole = DomainCommand<
  'RetireRole',
  { readonly name: string; readonly retiredAt: string; readonly retiredBy: string | null }
>;
export type CustomRoleCommand = DefineRole | ChangeRole | RetireRole;

export type RoleDefined = DomainEvent<'RoleDefined', DefineRole['data']>;
export type RoleChanged = DomainEvent<'RoleChanged', ChangeRole['data']>;
export type RoleRetired = DomainEvent<'RoleRetired', RetireRole['data']>;
export type CustomRoleEvent = RoleDefined | RoleChanged | RoleRetired;

interface RoleFacts {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  readonly tenantScoped: boolean;
}
export type CustomRoleState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & RoleFacts)
  | ({ readonly status: 'retired' } & RoleFacts);

const assertPermissions = (permissions: readonly string[]): void => {
  if (permissions.length === 0) throw invalid('role.no_permissions', 'A role grants at least one permission');
  if (new Set(permissions).size !== permissions.length) throw invalid('role.duplicate_permission', 'A permission is listed twice');
};

const assertDescription = (description: string): void => {
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalid('role.invalid_description', `A role description has at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
};

const define = (data: DefineRole['data'], state: CustomRoleState): CustomRoleEvent[] => {
  if (isBuiltInRole(data.name)) throw conflict('role.built_in', `${data.name} is a built-in role`, { name: data.name });
  if (!ROLE_NAME_PATTERN.test(data.name)) {
    throw invalid('role.invalid_name', 'A role name is 3..40 lower-case letters, digits and underscores, starting with a letter');
  }
  assertDescription(data.description);
  assertPermissions(data.permissions);
  // A retired name stays taken: events and users that named it must keep meaning the same role.
  if (state.status !== 'none') throw conflict('role.already_exists', `The role ${data.name} already exists`, { name: data.name });
  return [{ type: 'RoleDefined', data }];
};

const change = (data: ChangeRole['data'], state: CustomRoleState): CustomRoleEvent[] => {
  if (state.status !== 'active') throw notFound('role.not_found', `There is no role ${data.name}`, { name: data.name });
  if (data.description !== undefined) assertDescription(data.description);
  if (data.permissions !== undefined) assertPermissions(data.permissions);
  const same =
    (data.description === undefined || data.description === state.description) &&
    (data.permissions === undefined ||
      (data.permissions.length === state.permissions.length && data.permissions.every((p) => state.permissions.includes(p))));
  return same ? [] : [{ type: 'RoleChanged', data }];
};

const decide = (command: CustomRoleCommand, state: CustomRoleState): readonly CustomRoleEvent[] => {
  switch (command.type) {
    case 'DefineRole':
      return define(command.data, state);
    case 'ChangeRole':
      return change(command.data, state);
    case 'RetireRole':
      if (state.status === 'none') throw notFound('role.not_found', `There is no role ${command.data.name}`);
      return state.status === 'retired' ? [] : [{ type: 'RoleRetired', data: command.data }];
    default:
      return assertNever(command);
  }
};

const evolve = (state: CustomRoleState, event: CustomRoleEvent): CustomRoleState => {
  switch (event.type) {
    case 'RoleDefined': {
      const { name, description, permissions, tenantScoped } = event.data;
      return { status: 'active', name, description, permissions, tenantScoped };
    }
    case 'RoleChanged':
      if (state.status === 'none') return state;
      return {
        ...state,
        description: event.data.description ?? state.description,
        permissions: event.data.permissions ?? state.permissions,
      };
    case 'RoleRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
};

export const CustomRoleDecider: Decider<CustomRoleCommand, CustomRoleEvent, CustomRoleState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
