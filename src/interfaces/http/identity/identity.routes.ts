import type { AuthenticationService } from '../../../application/identity/authentication.service';
import type { RegisterUserHandler } from '../../../application/identity/register-user.handler';
import type { UserQueries } from '../../../application/identity/user.queries';
import { unauthorized } from '../../../domain/shared/domain-error';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import { defineRoute, type RouteDefinition } from '../shared';
import { createUserBody, loginBody, refreshBody, sessionSchema, userIdParams, userListQuery, userSchema } from './identity.schemas';

export interface IdentityHttpDependencies extends CommandEdge {
  readonly authentication: AuthenticationService;
  readonly registerUser: RegisterUserHandler;
  readonly userQueries: UserQueries;
  readonly readSide: ReadSide;
}

const authTags = ['auth'];
const userTags = ['users'];

export const identityRoutes = (deps: IdentityHttpDependencies): RouteDefinition[] => {
  const login = (path: string, operationId: string, deprecated = false) =>
    defineRoute({
      method: 'post', path, operationId, tags: authTags, deprecated,
      summary: 'Log in with email and password', permission: 'public',
      body: loginBody,
      responses: { 200: { description: 'Access and refresh tokens', schema: sessionSchema } },
      handler: async ({ body }) => ({ status: 200, body: await deps.authentication.login(body.email, body.password) }),
    });
  const refresh = (path: string, operationId: string, deprecated = false) =>
    defineRoute({
      method: 'post', path, operationId, tags: authTags, deprecated,
      summary: 'Exchange a refresh token for new tokens', permission: 'public',
      body: refreshBody,
      responses: { 200: { description: 'New access and refresh tokens', schema: sessionSchema } },
      handler: async ({ body }) => ({ status: 200, body: await deps.authentication.refresh(body.refreshToken) }),
    });
  return [
    login('/api/auth/login', 'login'),
    refresh('/api/auth/refresh', 'refreshToken'),
    // The inventory seed's SimpleJWT paths, kept as aliases for its clients.
    login('/api/token', 'loginAlias', true),
    refresh('/api/token/refresh', 'refreshTokenAlias', true),
    refresh('/api/auth/token/refresh', 'refreshTokenLithovoltAlias', true),
    defineRoute({
      method: 'get', path: '/api/auth/me', operationId: 'currentUser', tags: authTags,
      summary: 'The authenticated user', permission: 'auth:self',
      responses: { 200: { description: 'The caller', schema: userSchema } },
      handler: async ({ context }) => {
        if (!context.actor) throw unauthorized('auth.unauthenticated', 'Authentication is required');
        return { status: 200, body: await deps.authentication.currentUser(context.actor.userId) };
      },
    }),
    commandRoute(
      deps,
      {
        method: 'post', path: '/api/users', operationId: 'createUser', tags: userTags, status: 201,
        summary: 'Create a user with a role', permission: 'users:manage',
        body: createUserBody,
        fingerprint: ({ body }) => ({ ...body, password: undefined }),
        responses: { 201: { description: 'Created', schema: positionedSchema.extend({ id: userSchema.shape.id }) } },
      },
      async ({ body }, command) => {
        const { userId, position } = await deps.registerUser.execute(body, command);
        return { id: userId, position };
      },
    ),
    queryRoute(
      deps.readSide,
      {
        path: '/api/users', operationId: 'listUsers', tags: userTags, permission: 'users:read',
        summary: 'List users',
        query: userListQuery,
        responses: { 200: { description: 'A page of users', schema: pageOf(userSchema) } },
      },
      ({ query }) => deps.userQueries.list(query),
    ),
    queryRoute(
      deps.readSide,
      {
        path: '/api/users/:id', operationId: 'getUser', tags: userTags, permission: 'users:read',
        summary: 'One user',
        params: userIdParams,
        responses: { 200: { description: 'The user', schema: userSchema } },
      },
      ({ params }) => deps.userQueries.get(params.id),
    ),
  ];
};
