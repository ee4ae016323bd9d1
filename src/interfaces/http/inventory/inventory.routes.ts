import type { ChangeBatteryModelHandler } from '../../../application/inventory/change-battery-model.handler';
import type { GenerateSerialBatchHandler } from '../../../application/inventory/generate-serial-batch.handler';
import type { InventoryQueries } from '../../../application/inventory/inventory.queries';
import type { MoveSerialNumberHandler } from '../../../application/inventory/move-serial-number.handler';
import type { RegisterBatteryModelHandler } from '../../../application/inventory/register-battery-model.handler';
import { commandContextFor, written, type CommandEdge } from '../common/command-context.mapping';
import { pageOf, positionedSchema } from '../common/pagination.schema';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { defineRoute, type RouteDefinition } from '../shared';
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
  defineRoute({
    method: 'post', path: '/api/inventory/models', operationId: 'registerBatteryModel', tags,
    summary: 'Register a battery model', permission: 'inventory:manage',
    body: registerBatteryModelBody,
    responses: { 201: { description: 'Registered', schema: positionedSchema.extend({ id: batteryModelSchema.shape.id }) } },
    handler: async ({ body, context }) => {
      const { modelId, position } = await deps.registerBatteryModel.execute(body,
        await commandContextFor(deps, context, 'registerBatteryModel', { body }),
      );
      return written(201, { id: modelId, position });
    },
  }),
  defineRoute({
    method: 'get', path: '/api/inventory/models', operationId: 'listBatteryModels', tags,
    summary: 'List battery models with stock counts', permission: 'inventory:read',
    query: batteryModelListQuery,
    responses: { 200: { description: 'A page of models', schema: pageOf(batteryModelSchema) } },
    handler: async ({ query, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.inventoryQueries.listModels({ ...query, sort: toSort(query.sort) }) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/inventory/models/:id', operationId: 'getBatteryModel', tags,
    summary: 'One battery model', permission: 'inventory:read',
    params: modelIdParams,
    responses: { 200: { description: 'The model', schema: batteryModelSchema } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.inventoryQueries.getModel(params.id) };
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/inventory/models/:id', operationId: 'updateBatteryModel', tags,
    summary: 'Change a battery model specification', permission: 'inventory:manage',
    params: modelIdParams, body: updateBatteryModelBody,
    responses: { 200: { description: 'Updated', schema: positionedSchema } },
    handler: async ({ params, body, context }) =>
      written(200, await deps.changeBatteryModel.update(params.id, body,
        await commandContextFor(deps, context, 'updateBatteryModel', { params, body }),
      )),
  }),
  defineRoute({
    method: 'post', path: '/api/inventory/models/:id/retire', operationId: 'retireBatteryModel', tags,
    summary: 'Retire a battery model (no new serials)', permission: 'inventory:manage',
    params: modelIdParams,
    responses: { 200: { description: 'Retired', schema: positionedSchema } },
    handler: async ({ params, context }) => written(200, await deps.changeBatteryModel.retire(params.id,
        await commandContextFor(deps, context, 'retireBatteryModel', { params }),
      )),
  }),
  defineRoute({
    method: 'post', path: '/api/inventory/serials', operationId: 'generateSerialBatch', tags,
    summary: 'Generate a batch of serial numbers for a model', permission: 'inventory:manage',
    body: generateSerialsBody,
    responses: { 201: { description: 'Generated', schema: serialBatchSchema } },
    handler: async ({ body, context }) => written(201, await deps.generateSerialBatch.execute(body,
        await commandContextFor(deps, context, 'generateSerialBatch', { body }),
      )),
  }),
  defineRoute({
    method: 'get', path: '/api/inventory/serials', operationId: 'listSerialNumbers', tags,
    summary: 'List serial numbers', permission: 'inventory:read',
    query: serialListQuery,
    responses: { 200: { description: 'A page of serials', schema: pageOf(serialNumberSchema) } },
    handler: async ({ query, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.inventoryQueries.listSerials(query) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/inventory/serials/:serial', operationId: 'getSerialNumber', tags,
    summary: 'One serial number', permission: 'inventory:read',
    params: serialParams,
    responses: { 200: { description: 'The serial', schema: serialNumberSchema } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, body: await deps.inventoryQueries.getSerial(params.serial) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/inventory/serials/:serial/allocate', operationId: 'allocateSerialNumber', tags,
    summary: "Allocate an available serial to a wholesaler's stock", permission: 'serials:allocate',
    params: serialParams, body: allocateSerialBody,
    responses: { 200: { description: 'Allocated', schema: positionedSchema } },
    handler: async ({ params, body, context }) =>
      written(200, await deps.moveSerialNumber.allocate(params.serial, body.wholesalerId,
        await commandContextFor(deps, context, 'allocateSerialNumber', { params, body }),
      )),
  }),
  defineRoute({
    method: 'post', path: '/api/inventory/serials/:serial/sell', operationId: 'sellSerialNumber', tags,
    summary: 'Record the sale of a serial', permission: 'serials:sell',
    params: serialParams, body: sellSerialBody,
    responses: { 200: { description: 'Sold', schema: positionedSchema } },
    handler: async ({ params, body, context }) =>
      written(200, await deps.moveSerialNumber.sell(params.serial, body.soldTo,
        await commandContextFor(deps, context, 'sellSerialNumber', { params, body }),
      )),
  }),
];
