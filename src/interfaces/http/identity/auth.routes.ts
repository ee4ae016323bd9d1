import type { LoginHandler } from '../../../application/identity/login.handler';
import type { ProfileHandler } from '../../../application/identity/profile.handler';
import type { SelfRegistrationHandler } from '../../../application/identity/self-registration.handler';
import type { Sessions } from '../../../application/identity/sessions';
import { actorOf } from '../common/actor';
import { commandContext, type CommandEdge } from '../common/command-context.mapping';
import { positionedSchema } from '../common/pagination.schema';
import { commandRoute } from '../common/route-kinds';
import { defineRoute, type RouteDefinition } from '../shared';
import { changePasswordBody, loginBody, profileBody, refreshBody, registerBody, sessionSchema, userSchema } from './identity.schemas';

export interface AuthHttpDependencies extends CommandEdge {
  readonly login: LoginHandler;
  readonly sessions: Sessions;
  readonly selfRegistration: SelfRegistrationHandler;
  readonly profiles: ProfileHandler;
}

const tags = ['auth'];
const session = { 200: { description: 'Access and refresh tokens, and the user', schema: sessionSchema } };

export const authRoutes = (deps: AuthHttpDependencies): RouteDefinition[] => {
  const login = (path: string, operationId: string, deprecated = false) =>
    defineRoute({
      method: 'post', path, operationId, tags, deprecated, permission: 'public',
      summary: 'Log in with email or phone and password',
      body: loginBody,
      responses: session,
      handler: async ({ body, context }) => ({ status: 200, body: await deps.login.login(body, commandContext(context)) }),
    });
  const refresh = (path: string, operationId: string, deprecated = false) =>
    defineRoute({
      method: 'post', path, operationId, tags, deprecated, permission: 'public',
      summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
      description: 'Presenting a refresh token that was already exchanged revokes its whole session (401 auth.refresh_token_reused).',
      body: refreshBody,
      responses: session,
      handler: async ({ body, context }) => ({ status: 200, body: await deps.sessions.refresh(body.refreshToken, commandContext(context)) }),
    });
  const me = (path: string, operationId: string, deprecated = false) =>
    defineRoute({
      method: 'get', path, operationId, tags, deprecated, permission: 'auth:self',
      summary: 'The authenticated user',
      responses: { 200: { description: 'The caller', schema: userSchema } },
      handler: async ({ context }) => ({ status: 200, body: await deps.profiles.view(actorOf(context).userId) }),
    });
  return [
    defineRoute({
      method: 'post', path: '/api/auth/register', operationId: 'register', tags, permission: 'public',
      summary: 'Register a consumer or member account and log in',
      body: registerBody,
      responses: { 201: { description: 'The new account, logged in', schema: sessionSchema.extend(positionedSchema.shape) } },
      handler: async ({ body, context }) => ({ status: 201, body: await deps.selfRegistration.register(body, commandContext(context)) }),
    }),
    login('/api/auth/login', 'login'),
    refresh('/api/auth/refresh', 'refreshToken'),
    // The inventory seed's SimpleJWT paths and Lithovolt's refresh path, kept as aliases for their clients.
    login('/api/token', 'loginAlias', true),
    refresh('/api/token/refresh', 'refreshTokenAlias', true),
    refresh('/api/auth/token/refresh', 'refreshTokenLithovoltAlias', true),
    commandRoute(
      deps,
      {
        method: 'post', path: '/api/auth/logout', operationId: 'logout', tags, status: 200, permission: 'auth:self',
        summary: 'End the session a refresh token belongs to',
        body: refreshBody,
        fingerprint: () => ({}),
        responses: { 200: { description: 'The session is over', schema: positionedSchema } },
      },
      ({ body, context }, command) => deps.sessions.end(body.refreshToken, actorOf(context).userId, command),
    ),
    me('/api/auth/me', 'currentUser'),
    // The warehouse seed's path; registered before /api/users/:id so `me` is never taken for an id.
    me('/api/users/me', 'currentUserAlias', true),
    commandRoute(
      deps,
      {
        method: 'patch', path: '/api/auth/me', operationId: 'updateCurrentUser', tags, status: 200, permission: 'auth:self',
        summary: "Change the caller's name, email or phone",
        body: profileBody,
        responses: { 200: { description: 'The changed profile', schema: userSchema.extend(positionedSchema.shape) } },
      },
      ({ body, context }, command) => deps.profiles.update(actorOf(context).userId, body, command),
    ),
    defineRoute({
      method: 'post', path: '/api/auth/password/change', operationId: 'changePassword', tags, permission: 'auth:self',
      summary: "Change the caller's password",
      description: 'Every session of the account ends; the answer carries a fresh session for the caller.',
      body: changePasswordBody,
      responses: session,
      handler: async ({ body, context }) => ({
        status: 200,
        body: await deps.profiles.changePassword(actorOf(context).userId, body.currentPassword, body.newPassword, commandContext(context)),
      }),
    }),
  ];
};
