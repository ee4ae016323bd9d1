import type { ActivateWarrantyHandler } from '../../../application/warranty/activate-warranty.handler';
import type { VoidWarrantyHandler } from '../../../application/warranty/void-warranty.handler';
import type { WarrantyQueries } from '../../../application/warranty/warranty.queries';
import { commandContextFor, written, type CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { defineRoute, type RouteDefinition } from '../shared';
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
  readonly voidWarranty: VoidWarrantyHandler;
  readonly warrantyQueries: WarrantyQueries;
  readonly readSide: ReadSide;
}

const tags = ['warranty'];

export const warrantyRoutes = (deps: WarrantyHttpDependencies): RouteDefinition[] => [
  defineRoute({
    method: 'get', path: '/api/warranty/verify/:serial', operationId: 'verifyWarranty', tags,
    summary: 'Public verification of a serial’s warranty', permission: 'public',
    description: 'No authentication. The consumer is masked. Unknown serials answer 404.',
    params: serialParams,
    responses: { 200: { description: 'Coverage of the serial', schema: verificationSchema } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.warrantyQueries.verify(params.serial) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/warranty/activate', operationId: 'activateWarranty', tags,
    summary: 'Activate (or issue) a warranty for a sold or available serial', permission: 'warranty:activate',
    description: 'Send an Idempotency-Key header to make retries safe: the same key answers the same warranty.',
    body: activateWarrantyBody,
    responses: { 201: { description: 'Activated', schema: activatedWarrantySchema } },
    handler: async ({ body, context }) => {
      const { replayed: _replayed, activatedBy: _by, ...activated } = await deps.activateWarranty.execute(body,
        await commandContextFor(deps, context, 'activateWarranty', { body }),
      );
      return written(201, activated);
    },
  }),
  defineRoute({
    method: 'get', path: '/api/warranty', operationId: 'listWarranties', tags,
    summary: 'List warranties', permission: 'warranty:read',
    query: warrantyListQuery,
    responses: { 200: { description: 'A page of warranties', schema: pageOf(warrantySchema) } },
    handler: async ({ query, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.warrantyQueries.list(query) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/warranty/:id', operationId: 'getWarranty', tags,
    summary: 'One warranty', permission: 'warranty:read',
    params: warrantyIdParams,
    responses: { 200: { description: 'The warranty', schema: warrantySchema } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.warrantyQueries.get(params.id) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/warranty/:id/void', operationId: 'voidWarranty', tags,
    summary: 'Void an active warranty', permission: 'warranty:void',
    params: warrantyIdParams, body: voidWarrantyBody,
    responses: { 200: { description: 'Voided', schema: positionedSchema } },
    handler: async ({ params, body, context }) => {
      await awaitReadSide(deps.readSide, context);
      const warranty = await deps.warrantyQueries.get(params.id);
      const result = await deps.voidWarranty.execute({ serial: warranty.serial, warrantyId: warranty.id, reason: body.reason },
        await commandContextFor(deps, context, 'voidWarranty', { params, body }),
      );
      return written(200, result);
    },
  }),
];
