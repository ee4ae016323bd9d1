import type { TenantAdministration } from '../../../application/tenancy/tenant-administration.handler';
import type { TenantQueries } from '../../../application/tenancy/tenant.queries';
import type { TenantStatistics } from '../../../application/tenancy/tenant-statistics';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import {
  createTenantBody,
  deactivateTenantBody,
  tenantIdParams,
  tenantListQuery,
  tenantSchema,
  tenantStatsSchema,
  updateTenantBody,
  vendorCredentialsBody,
} from './tenancy.schemas';

export interface TenancyHttpDependencies extends CommandEdge {
  readonly tenantAdministration: TenantAdministration;
  readonly tenantQueries: TenantQueries;
  readonly tenantStatistics: TenantStatistics;
  readonly readSide: ReadSide;
}

const tags = ['clients'];
const changed = { 200: { description: 'Changed', schema: positionedSchema } };

/** Amsol's clients (tenants), at the vending seed's paths. */
export const tenancyRoutes = (deps: TenancyHttpDependencies): RouteDefinition[] => [
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/clients', operationId: 'createClient', tags, status: 201, permission: 'tenants:manage',
      summary: 'Create a client (tenant) with its paybill number and billing details',
      description: 'A paybill number belongs to one client only (409 paybill.already_taken). Vendor credentials are sealed and never returned.',
      body: createTenantBody,
      fingerprint: ({ body }) => ({ ...body, vendorCredentials: undefined }),
      responses: { 201: { description: 'Created', schema: positionedSchema.extend({ id: tenantSchema.shape.id }) } },
    },
    async ({ body }, command) => {
      const { tenantId, position } = await deps.tenantAdministration.create(body, command);
      return { id: tenantId, position };
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/clients', operationId: 'listClients', tags, permission: 'tenants:read',
      summary: "List clients (a client's own users see their client only)",
      query: tenantListQuery,
      responses: { 200: { description: 'A page of clients', schema: pageOf(tenantSchema) } },
    },
    ({ query, context }) => deps.tenantQueries.list(context.actor, query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/clients/:id', operationId: 'getClient', tags, permission: 'tenants:read',
      summary: 'One client',
      params: tenantIdParams,
      responses: { 200: { description: 'The client', schema: tenantSchema } },
    },
    ({ params, context }) => deps.tenantQueries.get(context.actor, params.id),
  ),
  commandRoute(
    deps,
    {
      method: 'patch', path: '/api/clients/:id', operationId: 'updateClient', tags, status: 200, permission: 'tenants:manage',
      summary: "Change a client's name, paybill number or billing details",
      description: 'A deactivated client cannot be changed (409 tenant.deactivated).',
      params: tenantIdParams,
      body: updateTenantBody,
      responses: changed,
    },
    ({ params, body }, command) => deps.tenantAdministration.update(params.id, body, command),
  ),
  commandRoute(
    deps,
    {
      method: 'delete', path: '/api/clients/:id', operationId: 'deactivateClient', tags, status: 200, permission: 'tenants:manage',
      summary: 'Deactivate a client (clients are never deleted)',
      params: tenantIdParams,
      body: deactivateTenantBody.optional(),
      responses: changed,
    },
    ({ params, body }, command) => deps.tenantAdministration.deactivate(params.id, body?.reason ?? null, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/clients/:id/activate', operationId: 'activateClient', tags, status: 200, permission: 'tenants:manage',
      summary: 'Reactivate a deactivated client',
      params: tenantIdParams,
      responses: changed,
    },
    ({ params }, command) => deps.tenantAdministration.reactivate(params.id, command),
  ),
  commandRoute(
    deps,
    {
      method: 'put', path: '/api/clients/:id/vendor-credentials', operationId: 'replaceClientVendorCredentials', tags, status: 200,
      permission: 'tenants:manage',
      summary: "Replace a client's vending (Stronpower) credentials",
      description: 'Sealed on arrival; the API only ever says hasVendorCredentials and vendorCredentialsUpdatedAt.',
      params: tenantIdParams,
      body: vendorCredentialsBody,
      fingerprint: ({ params }) => ({ params }),
      responses: changed,
    },
    ({ params, body }, command) => deps.tenantAdministration.replaceVendorCredentials(params.id, body, command),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/clients/:id/stats', operationId: 'getClientStats', tags, permission: 'tenants:read',
      summary: "Counts of a client's users by role and by status",
      params: tenantIdParams,
      responses: { 200: { description: 'The counts', schema: tenantStatsSchema } },
    },
    ({ params, context }) => deps.tenantStatistics.of(context.actor, params.id),
  ),
];
