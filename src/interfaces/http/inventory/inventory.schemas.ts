import { z } from 'zod';
import { MAX_BATCH_SIZE } from '../../../application/inventory/generate-serial-batch.handler';
import { paginationQuery } from '../common/pagination.schema';

const spec = {
  name: z.string().trim().min(1).max(120),
  capacityAh: z.number().positive().max(10_000),
  voltage: z.number().positive().max(1_000),
  warrantyMonths: z.number().int().min(1).max(240),
  lowStockThreshold: z.number().int().min(0),
};

export const registerBatteryModelBody = z.object({
  ...spec,
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, 'letters, digits and dashes, 2..32 characters')
    .refine((sku) => sku.replace(/-/g, '').length >= 2, 'at least two letters or digits (they form the default serial prefix)'),
  serialPrefix: z.string().regex(/^[A-Za-z0-9]{2,8}$/, '2..8 letters or digits').optional(),
}).strict();

export const updateBatteryModelBody = z
  .object({
    name: spec.name.optional(),
    capacityAh: spec.capacityAh.optional(),
    voltage: spec.voltage.optional(),
    warrantyMonths: spec.warrantyMonths.optional(),
    lowStockThreshold: spec.lowStockThreshold.optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change');

export const batteryModelSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    serialPrefix: z.string(),
    ...spec,
    status: z.enum(['active', 'retired']),
    stock: z.object({
      available: z.number().int(),
      allocated: z.number().int(),
      sold: z.number().int(),
      replaced: z.number().int().describe('Replaced under a claim, out of circulation'),
    }),
    lowStock: z.boolean(),
    lowStockAlertAt: z.string().nullable().describe('When the open low-stock alert was raised'),
    registeredAt: z.string(),
    updatedAt: z.string(),
    retiredAt: z.string().nullable(),
  })
  .meta({ id: 'BatteryModel' });

export const batteryModelListQuery = paginationQuery.extend({
  status: z.enum(['active', 'retired']).optional(),
  lowStock: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  search: z.string().trim().min(1).max(120).optional(),
  sort: z.enum(['name', '-name', 'registeredAt', '-registeredAt', 'sku', '-sku']).optional(),
});

export const modelIdParams = z.object({ id: z.string().min(1).max(64) });
export const serialParams = z.object({ serial: z.string().trim().min(3).max(40) });

export const generateSerialsBody = z
  .object({
    modelId: z.string().min(1).max(64),
    count: z.number().int().min(1).max(MAX_BATCH_SIZE),
    prefix: z.string().regex(/^[A-Za-z0-9]{2,8}$/, '2..8 letters or digits').optional(),
  })
  .strict();

export const serialBatchSchema = z.object({
  batchId: z.string(),
  modelId: z.string(),
  serials: z.array(z.string()),
  position: z.number().int(),
});

const serialStatus = z.enum(['available', 'allocated', 'sold', 'replaced']);

export const serialNumberSchema = z
  .object({
    id: z.string(),
    serial: z.string(),
    modelId: z.string(),
    batchId: z.string().nullable(),
    source: z.enum(['generated', 'imported']),
    status: serialStatus,
    allocatedTo: z.string().nullable(),
    allocatedAt: z.string().nullable(),
    allocationId: z.string().nullable(),
    soldTo: z.string().nullable(),
    soldAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    replacementSerial: z.string().nullable(),
    registeredAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SerialNumber' });

export const serialListQuery = paginationQuery.extend({
  modelId: z.string().min(1).max(64).optional(),
  status: serialStatus.optional(),
  batchId: z.string().min(1).max(64).optional(),
  allocatedTo: z.string().min(1).max(64).optional(),
  search: z.string().trim().min(1).max(40).optional(),
});

export const allocateSerialBody = z.object({ wholesalerId: z.string().min(1).max(64) }).strict();
export const sellSerialBody = z.object({ soldTo: z.string().min(1).max(64).nullable().default(null) }).strict();
