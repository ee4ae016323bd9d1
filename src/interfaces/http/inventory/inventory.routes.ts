import type { ChangeBatteryModelHandler } from '../../../application/inventory/change-battery-model.handler';
import type { GenerateSerialBatchHandler } from '../../../application/inventory/generate-serial-batch.handler';
import type { InventoryQueries } from '../../../application/inventory/inventory.queries';
import type { MoveSerialNumberHandler } from '../../../application/inventory/move-serial-number.handler';
import type { RegisterBatteryModelHandler } from '../../../application/inventory/register-battery-model.handler';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import type { RouteDefinition } from '../shared';
import {
  allocateSerialBody,
  batteryModelListQuery,
  batteryModelSchema,
  generateSerialsBody,
  modelIdParams,
  registerBatteryModelBody,
  sellSerialBody,
  serialBatchSchema,
  serialListQuery,
  serialNumberSchema,
  serialParams,
  updateBatteryModelBody,
} from './inventory.schemas';

export interface InventoryHttpDependencies extends CommandEdge {
  readonly registerBatteryModel: RegisterBatteryModelHandler;
  readonly changeBatteryModel: ChangeBatteryModelHandler;
  readonly generateSerialBatch: GenerateSerialBatchHandler;
  readonly moveSerialNumber: MoveSerialNumberHandler;
  readonly inventoryQueries: InventoryQueries;
  readonly readSide: ReadSide;
}

const tags = ['inventory'];

const toSort = (sort: string | undefined) =>
  sort ? { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? ('desc' as const) : ('asc' as const) } : undefined;

export const inventoryRoutes = (deps: InventoryHttpDependencies): RouteDefinition[] => [
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/models', operationId: 'registerBatteryModel', tags, status: 201,
      summary: 'Register a battery model', permission: 'inventory:manage',
      body: registerBatteryModelBody,
      responses: { 201: { description: 'Registered', schema: positionedSchema.extend({ id: batteryModelSchema.shape.id }) } },
    },
    async ({ body }, command) => {
      const { modelId, position } = await deps.registerBatteryModel.execute(body, command);
      return { id: modelId, position };
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/models', operationId: 'listBatteryModels', tags, permission: 'inventory:read',
      summary: 'List battery models with stock counts',
      query: batteryModelListQuery,
      responses: { 200: { description: 'A page of models', schema: pageOf(batteryModelSchema) } },
    },
    ({ query }) => deps.inventoryQueries.listModels({ ...query, sort: toSort(query.sort) }),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/models/:id', operationId: 'getBatteryModel', tags, permission: 'inventory:read',
      summary: 'One battery model',
      params: modelIdParams,
      responses: { 200: { description: 'The model', schema: batteryModelSchema } },
    },
    ({ params }) => deps.inventoryQueries.getModel(params.id),
  ),
  commandRoute(
    deps,
    {
      method: 'patch', path: '/api/inventory/models/:id', operationId: 'updateBatteryModel', tags, status: 200,
      summary: 'Change a battery model specification', permission: 'inventory:manage',
      params: modelIdParams, body: updateBatteryModelBody,
      responses: { 200: { description: 'Updated', schema: positionedSchema } },
    },
    ({ params, body }, command) => deps.changeBatteryModel.update(params.id, body, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/models/:id/retire', operationId: 'retireBatteryModel', tags, status: 200,
      summary: 'Retire a battery model (no new serials)', permission: 'inventory:manage',
      params: modelIdParams,
      responses: { 200: { description: 'Retired', schema: positionedSchema } },
    },
    ({ params }, command) => deps.changeBatteryModel.retire(params.id, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials', operationId: 'generateSerialBatch', tags, status: 201,
      summary: 'Generate a batch of serial numbers for a model', permission: 'inventory:manage',
      body: generateSerialsBody,
      responses: { 201: { description: 'Generated', schema: serialBatchSchema } },
    },
    ({ body }, command) => deps.generateSerialBatch.execute(body, command),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/serials', operationId: 'listSerialNumbers', tags, permission: 'inventory:read',
      summary: 'List serial numbers',
      query: serialListQuery,
      responses: { 200: { description: 'A page of serials', schema: pageOf(serialNumberSchema) } },
    },
    ({ query }) => deps.inventoryQueries.listSerials(query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/inventory/serials/:serial', operationId: 'getSerialNumber', tags, permission: 'inventory:read',
      summary: 'One serial number',
      params: serialParams,
      responses: { 200: { description: 'The serial', schema: serialNumberSchema } },
    },
    ({ params }) => deps.inventoryQueries.getSerial(params.serial),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials/:serial/allocate', operationId: 'allocateSerialNumber', tags, status: 200,
      summary: "Allocate an available serial to a wholesaler's stock", permission: 'serials:allocate',
      params: serialParams, body: allocateSerialBody,
      responses: { 200: { description: 'Allocated', schema: positionedSchema } },
    },
    ({ params, body }, command) => deps.moveSerialNumber.allocate(params.serial, body.wholesalerId, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: '/api/inventory/serials/:serial/sell', operationId: 'sellSerialNumber', tags, status: 200,
      summary: 'Record the sale of a serial', permission: 'serials:sell',
      params: serialParams, body: sellSerialBody,
      responses: { 200: { description: 'Sold', schema: positionedSchema } },
    },
    ({ params, body }, command) => deps.moveSerialNumber.sell(params.serial, body.soldTo, command),
  ),
];
