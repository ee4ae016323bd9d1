import type { ActivateWarrantyHandler, ActivatedWarranty } from '../../../application/warranty/activate-warranty.handler';
import type { IssueWarrantyAtSaleHandler } from '../../../application/warranty/issue-warranty-at-sale.handler';
import type { VoidWarrantyHandler } from '../../../application/warranty/void-warranty.handler';
import type { WarrantyQueries } from '../../../application/warranty/warranty.queries';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import {
  activateWarrantyBody,
  activatedWarrantySchema,
  serialParams,
  verificationSchema,
  voidWarrantyBody,
  warrantyIdParams,
  warrantyListQuery,
  warrantySchema,
} from './warranty.schemas';

export interface WarrantyHttpDependencies extends CommandEdge {
  readonly activateWarranty: ActivateWarrantyHandler;
  readonly issueWarrantyAtSale: IssueWarrantyAtSaleHandler;
  readonly voidWarranty: VoidWarrantyHandler;
  readonly warrantyQueries: WarrantyQueries;
  readonly readSide: ReadSide;
}

const tags = ['warranty'];

const publicView = ({ replayed: _replayed, activatedBy: _by, ...activated }: ActivatedWarranty) => activated;

export const warrantyRoutes = (deps: WarrantyHttpDependencies): RouteDefinition[] => [
  queryRoute(
    deps.readSide,
    {
      path: '/api/warranty/verify/:serial', operationId: 'verifyWarranty', tags, permission: 'public',
      summary: 'Public verification of a serial’s warranty',
      description: 'No authentication. The consumer is masked. Unknown serials answer 404.',
      params: serialParams,
      responses: { 200: { description: 'Coverage of the serial', schema: verificationSchema } },
    },
    ({ params }) => deps.warrantyQueries.verify(params.serial),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/warranty/activate', operationId: 'activateWarranty', tags, status: 201,
      summary: 'Activate (or issue) a warranty for a sold or available serial', permission: 'warranty:activate',
      description: 'Send an Idempotency-Key header to make retries safe: the same key answers the same warranty.',
      body: activateWarrantyBody,
      responses: { 201: { description: 'Activated', schema: activatedWarrantySchema } },
    },
    async ({ body }, command) => publicView(await deps.activateWarranty.execute(body, command)),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/warranty/issue', operationId: 'issueWarrantyAtSale', tags, status: 201,
      summary: 'Sell a serial and issue its warranty to the buyer', permission: 'serials:sell',
      description: 'For wholesalers at the counter: records the sale from their own stock, then the warranty (channel wholesaler).',
      body: activateWarrantyBody,
      responses: { 201: { description: 'Sold and warranted', schema: activatedWarrantySchema } },
    },
    async ({ body }, command) => publicView(await deps.issueWarrantyAtSale.execute(body, command)),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/warranty', operationId: 'listWarranties', tags, permission: 'warranty:read',
      summary: 'List warranties',
      query: warrantyListQuery,
      responses: { 200: { description: 'A page of warranties', schema: pageOf(warrantySchema) } },
    },
    ({ query }) => deps.warrantyQueries.list(query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/warranty/:id', operationId: 'getWarranty', tags, permission: 'warranty:read',
      summary: 'One warranty',
      params: warrantyIdParams,
      responses: { 200: { description: 'The warranty', schema: warrantySchema } },
    },
    ({ params }) => deps.warrantyQueries.get(params.id),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/warranty/:id/void', operationId: 'voidWarranty', tags, status: 200,
      summary: 'Void an active warranty', permission: 'warranty:void',
      params: warrantyIdParams, body: voidWarrantyBody,
      responses: { 200: { description: 'Voided', schema: positionedSchema } },
    },
    async ({ params, body, context }, command) => {
      // The id leads to the serial's stream; the decider checks it is still that serial's active warranty.
      await awaitReadSide(deps.readSide, context);
      const warranty = await deps.warrantyQueries.get(params.id);
      return deps.voidWarranty.execute({ serial: warranty.serial, warrantyId: warranty.id, reason: body.reason }, command);
    },
  ),
];
