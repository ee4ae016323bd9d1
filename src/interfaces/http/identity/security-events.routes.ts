import type { SecurityEventQueries } from '../../../application/identity/security-event.queries';
import { pageOf } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import { userIdParams } from './identity.schemas';
import { securityEventListQuery, securityEventSchema } from './security-events.schemas';

export interface SecurityEventsHttpDependencies {
  readonly securityEventQueries: SecurityEventQueries;
  readonly readSide: ReadSide;
}

export const securityEventsRoutes = (deps: SecurityEventsHttpDependencies): RouteDefinition[] => [
  queryRoute(
    deps.readSide,
    {
      path: '/api/users/:id/security-events', operationId: 'listUserSecurityEvents', tags: ['users'], permission: 'security:read',
      summary: "A user's security log, newest first",
      description: "Logins, failed logins, logouts, password and role changes, deactivations. A tenant's callers see their own tenant's users only.",
      params: userIdParams,
      query: securityEventListQuery,
      responses: { 200: { description: 'A page of security events', schema: pageOf(securityEventSchema) } },
    },
    ({ params, query, context }) => deps.securityEventQueries.list(context.actor, params.id, query),
  ),
];
