import type { WholesalerApplicationQueries } from '../../../application/identity/wholesaler-application.queries';
import type { WholesalerApplications } from '../../../application/identity/wholesaler-applications.handler';
import { actorOf } from '../common/actor';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import {
  applicationIdParams,
  applicationListQuery,
  applyBody,
  approveBody,
  rejectBody,
  wholesalerApplicationSchema,
} from './wholesaler-applications.schemas';

export interface WholesalerApplicationsHttpDependencies extends CommandEdge {
  readonly wholesalerApplications: WholesalerApplications;
  readonly wholesalerApplicationQueries: WholesalerApplicationQueries;
  readonly readSide: ReadSide;
}

const tags = ['wholesaler applications'];
const path = '/api/wholesaler-applications';
const reviewed = { 200: { description: 'Reviewed', schema: positionedSchema } };

export const wholesalerApplicationsRoutes = (deps: WholesalerApplicationsHttpDependencies): RouteDefinition[] => [
  commandRoute(
    deps,
    {
      method: 'post', path, operationId: 'applyForWholesale', tags, status: 201, permission: 'wholesaler-applications:apply',
      summary: 'Apply to become a wholesaler (consumers; again after a rejection)',
      body: applyBody,
      responses: { 201: { description: 'Submitted', schema: positionedSchema.extend({ id: wholesalerApplicationSchema.shape.id }) } },
    },
    ({ body, context }, command) => deps.wholesalerApplications.apply(actorOf(context), body, command),
  ),
  queryRoute(
    deps.readSide,
    {
      path: `${path}/me`, operationId: 'getOwnWholesalerApplication', tags, permission: 'wholesaler-applications:apply',
      summary: "The caller's own latest application",
      responses: { 200: { description: 'The application', schema: wholesalerApplicationSchema } },
    },
    ({ context }) => {
      const actor = actorOf(context);
      return deps.wholesalerApplicationQueries.get(actor, actor.userId);
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path, operationId: 'listWholesalerApplications', tags, permission: 'wholesaler-applications:review',
      summary: 'Wholesaler applications, oldest first',
      query: applicationListQuery,
      responses: { 200: { description: 'A page of applications', schema: pageOf(wholesalerApplicationSchema) } },
    },
    ({ query, context }) => deps.wholesalerApplicationQueries.list(actorOf(context), query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: `${path}/:id`, operationId: 'getWholesalerApplication', tags, permission: 'wholesaler-applications:review',
      summary: "One application (its id is the applicant's user id)",
      params: applicationIdParams,
      responses: { 200: { description: 'The application', schema: wholesalerApplicationSchema } },
    },
    ({ params, context }) => deps.wholesalerApplicationQueries.get(actorOf(context), params.id),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/approve`, operationId: 'approveWholesalerApplication', tags, status: 200,
      permission: 'wholesaler-applications:review',
      summary: 'Approve: the applicant becomes a wholesaler (from their next login or token refresh)',
      description: 'Approving an approved application again completes the role grant if it was interrupted, and changes nothing otherwise.',
      params: applicationIdParams,
      body: approveBody,
      responses: reviewed,
    },
    ({ params, body, context }, command) => deps.wholesalerApplications.approve(actorOf(context), params.id, body?.notes ?? null, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/reject`, operationId: 'rejectWholesalerApplication', tags, status: 200,
      permission: 'wholesaler-applications:review',
      summary: 'Reject, saying why; the applicant may apply again',
      params: applicationIdParams,
      body: rejectBody,
      responses: reviewed,
    },
    ({ params, body, context }, command) => deps.wholesalerApplications.reject(actorOf(context), params.id, body.notes, command),
  ),
];
