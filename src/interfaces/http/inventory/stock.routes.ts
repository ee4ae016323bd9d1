import type { AllocateStockHandler } from '../../../application/inventory/allocate-stock.handler';
import type { MoveSerialNumberHandler } from '../../../application/inventory/move-serial-number.handler';
import type { SerialHistory } from '../../../application/inventory/serial-history';
import type { StockQueries } from '../../../application/inventory/stock.queries';
import { forbidden } from '../../../domain/shared/domain-error';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RequestContext, RouteDefinition } from '../shared';
import { serialParams } from './inventory.schemas';
import {
  allocateStockBody,
  allocationIdParams,
  allocationListQuery,
  allocationOutcomeSchema,
  allocationSchema,
  reasonBody,
  serialHistorySchema,
  wholesalerStockQuery,
  wholesalerStockSchema,
} from './stock.schemas';

export interface StockHttpDependencies extends CommandEdge {
  readonly allocateStock: AllocateStockHandler;
  readonly moveSerialNumber: MoveSerialNumberHandler;
  readonly stockQueries: StockQueries;
  readonly serialHistory: SerialHistory;
  readonly readSide: ReadSide;
}

const tags = ['inventory'];

/** A wholesaler sees their own stock only: their id is the filter, and asking for another's is refused. */
export const scopedWholesaler = (context: RequestContext, requested: string | undefined): string | undefined => {
  if (context.actor?.role !== 'wholesaler') return requested;
  if (requested !== undefined && requested !== context.actor.userId) {
    throw forbidden('inventory.not_your_stock', 'Wholesalers see their own stock only');
  }
  return context.actor.userId;
};

const allocate = (deps: StockHttpDependencies, path: string, operationId: string, deprecated: boolean) =>
  commandRoute(
    deps,
    {
      method: 'post', path, operationId, tags, status: 201, deprecated, acceptsMinPosition: true,
      summary: 'Allocate stock to a wholesaler, all or nothing', permission: 'serials:allocate',
      description:
        'Names serials, or takes a quantity of a model (available serials in serial order). Opens an allocation record with who, when and the notes. ' +
        'Send Opsledger-Min-Position after generating serials so a quantity is picked from stock that includes them.',
      body: allocateStockBody,
      responses: { 201: { description: 'Allocated', schema: allocationOutcomeSchema } },
    },
    async ({ body, context }, command) => {
      // Quantities are picked from the read model: let it catch up to the client's last write first.
      await awaitReadSide(deps.readSide, context);
      return deps.allocateStock.execute(body, command);
    },
  );

export const stockRoutes = (deps: StockHttpDependencies): RouteDefinition[] => [
  allocate(deps, '/api/inventory/allocations', 'allocateStock', false),
  allocate(deps, '/api/inventory/allocate', 'allocateStockSeedPath', true),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/allocations', operationId: 'listAllocations', tags, permission: 'inventory:read',
      summary: 'List stock allocation records', query: allocationListQuery,
      responses: { 200: { description: 'A page of allocations', schema: pageOf(allocationSchema) } },
    },
    ({ query, context }) => deps.stockQueries.listAllocations({ ...query, wholesalerId: scopedWholesaler(context, query.wholesalerId) }),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/allocations/:id', operationId: 'getAllocation', tags, permission: 'inventory:read',
      summary: 'One stock allocation record', params: allocationIdParams,
      responses: { 200: { description: 'The allocation', schema: allocationSchema } },
    },
    async ({ params, context }) => {
      const allocation = await deps.stockQueries.getAllocation(params.id);
      scopedWholesaler(context, allocation.wholesalerId);
      return allocation;
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/stock', operationId: 'listWholesalerStock', tags, permission: 'inventory:read',
      summary: "Wholesalers' stock per model", description: 'Per-model totals are on /api/inventory/models.',
      query: wholesalerStockQuery,
      responses: { 200: { description: 'A page of stock counts', schema: pageOf(wholesalerStockSchema) } },
    },
    ({ query, context }) => deps.stockQueries.wholesalerStock({ ...query, wholesalerId: scopedWholesaler(context, query.wholesalerId) }),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials/:serial/release', operationId: 'releaseSerialNumber', tags, status: 200,
      summary: "Take a serial back from a wholesaler's stock", permission: 'serials:release',
      params: serialParams, body: reasonBody,
      responses: { 200: { description: 'Released', schema: positionedSchema } },
    },
    ({ params, body }, command) => deps.moveSerialNumber.release(params.serial, body.reason, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials/:serial/return', operationId: 'returnSerialNumber', tags, status: 200,
      summary: 'Record a consumer’s return of a sold battery',
      description: 'Voids its active warranty and puts the serial back in the stock it was sold from.',
      permission: 'serials:sell', params: serialParams, body: reasonBody,
      responses: { 200: { description: 'Returned', schema: positionedSchema } },
    },
    ({ params, body }, command) => deps.moveSerialNumber.returnSold(params.serial, body.reason, command),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/serials/:serial/history', operationId: 'getSerialHistory', tags, permission: 'inventory:audit',
      summary: 'Everything that happened to a serial and its warranty, with who did it',
      params: serialParams,
      responses: { 200: { description: 'The history, oldest first', schema: serialHistorySchema } },
    },
    ({ params }) => deps.serialHistory.of(params.serial),
  ),
];
