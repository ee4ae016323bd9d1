import { z } from 'zod';
import { MAX_ALLOCATION_QUANTITY } from '../../../domain/inventory/stock-allocation.decider';
import { paginationQuery } from '../common/pagination.schema';

const id = z.string().min(1).max(64);
const serial = z.string().trim().min(3).max(40);
const timestamp = z.iso.datetime({ offset: true });

export const allocateStockBody = z
  .object({
    wholesalerId: id,
    serials: z.array(serial).min(1).max(MAX_ALLOCATION_QUANTITY).optional().describe('Name the serials ...'),
    modelId: id.optional().describe('... or give a model and a quantity: the oldest available serials are taken'),
    quantity: z.number().int().min(1).max(MAX_ALLOCATION_QUANTITY).optional(),
    notes: z.string().trim().max(1000).nullable().default(null),
  })
  .strict()
  .refine((b) => (b.serials !== undefined) !== (b.modelId !== undefined && b.quantity !== undefined), {
    message: 'give either serials, or modelId and quantity',
  })
  .refine((b) => b.serials === undefined || (b.modelId === undefined && b.quantity === undefined), {
    message: 'serials cannot be combined with modelId or quantity',
  });

export const allocationSchema = z
  .object({
    id: z.string(),
    wholesalerId: z.string(),
    modelId: z.string().nullable(),
    quantity: z.number().int(),
    requestedSerials: z.array(z.string()),
    serials: z.array(z.string()).describe('The serials allocated (empty unless completed)'),
    notes: z.string().nullable(),
    status: z.enum(['open', 'completed', 'failed']),
    failureReason: z.string().nullable(),
    openedBy: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'StockAllocation' });

export const allocationOutcomeSchema = z.object({
  allocationId: z.string(),
  serials: z.array(z.string()),
  position: z.number().int(),
});

export const allocationFilterQuery = z.object({
  wholesalerId: id.optional(),
  modelId: id.optional(),
  status: z.enum(['open', 'completed', 'failed']).optional(),
  from: timestamp.optional().describe('Opened at or after'),
  to: timestamp.optional().describe('Opened before'),
});
export const allocationListQuery = paginationQuery.extend(allocationFilterQuery.shape);

export const allocationIdParams = z.object({ id });

export const wholesalerStockSchema = z
  .object({
    id: z.string(),
    wholesalerId: z.string(),
    modelId: z.string(),
    allocated: z.number().int().describe('In the wholesaler’s stock now'),
    sold: z.number().int(),
    released: z.number().int(),
    returned: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WholesalerStock' });

export const wholesalerStockQuery = paginationQuery.extend({ wholesalerId: id.optional(), modelId: id.optional() });

export const reasonBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const serialHistorySchema = z.object({
  serial: z.string(),
  entries: z.array(
    z.object({
      position: z.number().int(),
      stream: z.enum(['serial', 'warranty']),
      type: z.string(),
      occurredAt: z.string(),
      actorId: z.string().nullable(),
      actorRole: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
});
