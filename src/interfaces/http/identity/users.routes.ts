import type { UserAdministration } from '../../../application/identity/user-administration.handler';
import type { UserQueries } from '../../../application/identity/user.queries';
import { actorOf } from '../common/actor';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import { assignRoleBody, createUserBody, deactivateBody, updateUserBody, userIdParams, userListQuery, userSchema } from './identity.schemas';

export interface UsersHttpDependencies extends CommandEdge {
  readonly userAdministration: UserAdministration;
  readonly userQueries: UserQueries;
  readonly readSide: ReadSide;
}

const tags = ['users'];
const changed = { 200: { description: 'Changed', schema: positionedSchema } };

export const usersRoutes = (deps: UsersHttpDependencies): RouteDefinition[] => [
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/users', operationId: 'createUser', tags, status: 201, permission: 'users:manage',
      summary: 'Create a user with a role',
      description: "A tenant's administrators create users of their own tenant, with roles that grant no more than their own.",
      body: createUserBody,
      fingerprint: ({ body }) => ({ ...body, password: undefined }),
      responses: { 201: { description: 'Created', schema: positionedSchema.extend({ id: userSchema.shape.id }) } },
    },
    async ({ body, context }, command) => {
      const { userId, position } = await deps.userAdministration.create(actorOf(context), body, command);
      return { id: userId, position };
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/users', operationId: 'listUsers', tags, permission: 'users:read',
      summary: "List users (a tenant's users see their tenant only)",
      query: userListQuery,
      responses: { 200: { description: 'A page of users', schema: pageOf(userSchema) } },
    },
    ({ query, context }) => deps.userQueries.list(context.actor, query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/users/:id', operationId: 'getUser', tags, permission: 'users:read',
      summary: 'One user',
      params: userIdParams,
      responses: { 200: { description: 'The user', schema: userSchema } },
    },
    ({ params, context }) => deps.userQueries.get(context.actor, params.id),
  ),
  commandRoute(
    deps,
    {
      method: 'patch', path: '/api/users/:id', operationId: 'updateUser', tags, status: 200, permission: 'users:manage',
      summary: "Change a user's name, email or phone",
      params: userIdParams,
      body: updateUserBody,
      responses: { 200: { description: 'The changed user', schema: userSchema.extend(positionedSchema.shape) } },
    },
    ({ params, body, context }, command) => deps.userAdministration.update(actorOf(context), params.id, body, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/users/:id/role', operationId: 'assignUserRole', tags, status: 200, permission: 'users:manage',
      summary: 'Give a user a role (and, for tenant roles, a tenant)',
      params: userIdParams,
      body: assignRoleBody,
      responses: changed,
    },
    ({ params, body, context }, command) => deps.userAdministration.assignRole(actorOf(context), params.id, body.role, body.tenantId, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/users/:id/deactivate', operationId: 'deactivateUser', tags, status: 200, permission: 'users:manage',
      summary: 'Deactivate a user: logins stop and every session ends',
      params: userIdParams,
      body: deactivateBody,
      responses: changed,
    },
    ({ params, body, context }, command) => deps.userAdministration.deactivate(actorOf(context), params.id, body.reason ?? null, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/users/:id/activate', operationId: 'activateUser', tags, status: 200, permission: 'users:manage',
      summary: 'Reactivate a deactivated user',
      params: userIdParams,
      responses: changed,
    },
    ({ params, context }, command) => deps.userAdministration.reactivate(actorOf(context), params.id, command),
  ),
];
