import { z } from 'zod';
import type { CustomRoles } from '../../../application/identity/custom-roles.handler';
import type { RoleQueries } from '../../../application/identity/role.queries';
import { actorOf } from '../common/actor';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import { changeRoleBody, defineRoleBody, permissionSchema, roleListQuery, roleNameParams, roleSchema } from './roles.schemas';

export interface RolesHttpDependencies extends CommandEdge {
  readonly customRoles: CustomRoles;
  readonly roleQueries: RoleQueries;
  readonly readSide: ReadSide;
}

const tags = ['roles'];
const changed = { 200: { description: 'Changed', schema: positionedSchema } };

/** The list and create routes, at /api/roles and at the inventory seed's /api/groups (deprecated alias). */
const collectionRoutes = (deps: RolesHttpDependencies, path: string, suffix: string, deprecated: boolean): RouteDefinition[] => [
  queryRoute(
    deps.readSide,
    {
      path, operationId: `listRoles${suffix}`, tags, permission: 'roles:read', deprecated,
      summary: 'List roles: the built-in ones first, then custom roles (active unless `status` says otherwise)',
      query: roleListQuery,
      responses: { 200: { description: 'A page of roles', schema: pageOf(roleSchema) } },
    },
    ({ query }) => deps.roleQueries.list(query),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path, operationId: `defineRole${suffix}`, tags, status: 201, permission: 'roles:manage', deprecated,
      summary: 'Define a custom role from permissions you hold yourself',
      description: 'A built-in or already used name answers 409; a permission not in the table answers 422 role.unknown_permission.',
      body: defineRoleBody,
      responses: { 201: { description: 'Defined', schema: positionedSchema.extend({ name: z.string() }) } },
    },
    async ({ body, context }, command) => ({ name: body.name, ...(await deps.customRoles.define(actorOf(context), body, command)) }),
  ),
];

export const rolesRoutes = (deps: RolesHttpDependencies): RouteDefinition[] => [
  ...collectionRoutes(deps, '/api/roles', '', false),
  ...collectionRoutes(deps, '/api/groups', 'AsGroups', true),
  queryRoute(
    deps.readSide,
    {
      path: '/api/roles/:name', operationId: 'getRole', tags, permission: 'roles:read',
      summary: 'One role, built-in or custom (retired ones too)',
      params: roleNameParams,
      responses: { 200: { description: 'The role', schema: roleSchema } },
    },
    ({ params }) => deps.roleQueries.get(params.name),
  ),
  commandRoute(
    deps,
    {
      method: 'patch', path: '/api/roles/:name', operationId: 'changeRole', tags, status: 200, permission: 'roles:manage',
      summary: "Change a custom role's description or permissions; holders get the new permissions at their next request",
      params: roleNameParams,
      body: changeRoleBody,
      responses: changed,
    },
    ({ params, body, context }, command) => deps.customRoles.change(actorOf(context), params.name, body, command),
  ),
  commandRoute(
    deps,
    {
      method: 'delete', path: '/api/roles/:name', operationId: 'retireRole', tags, status: 200, permission: 'roles:manage',
      summary: 'Retire a custom role: its holders keep it but it grants nothing; the name is never reused',
      params: roleNameParams,
      responses: changed,
    },
    ({ params, context }, command) => deps.customRoles.retire(actorOf(context), params.name, command),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/permissions', operationId: 'listPermissions', tags, permission: 'roles:read',
      summary: 'Every permission a route can require, with the built-in roles that hold it',
      responses: { 200: { description: 'All permissions', schema: z.object({ items: z.array(permissionSchema) }) } },
    },
    async () => ({ items: deps.roleQueries.permissions() }),
  ),
];
