import { z } from 'zod';
import { paginationQuery } from '../common/pagination.schema';

/** Phones are stored as digits with an optional leading +, so searches match however they were typed. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'digits with an optional leading +')
  .transform((p) => p.replace(/[\s()-]/g, ''));

const consumer = z
  .object({
    name: z.string().trim().min(1).max(120),
    phone: phone.nullable().optional(),
    email: z.email().max(254).transform((e) => e.toLowerCase()).nullable().optional(),
  })
  .strict()
  .transform((c) => ({ name: c.name, phone: c.phone ?? null, email: c.email ?? null }));

export const activateWarrantyBody = z
  .object({ serial: z.string().trim().min(3).max(40), consumer })
  .strict();

export const voidWarrantyBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const warrantyIdParams = z.object({ id: z.string().min(1).max(64) });
export const serialParams = z.object({ serial: z.string().trim().min(3).max(40) });

const consumerView = z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() });
const coverage = z.enum(['active', 'expired', 'void', 'transferred', 'none']);
const channel = z.enum(['consumer', 'wholesaler', 'staff']);

export const activatedWarrantySchema = z.object({
  warrantyId: z.string(),
  warrantyNumber: z.string().describe('Human-friendly and unique, e.g. WR-7K3M-9QXT'),
  serial: z.string(),
  channel,
  modelId: z.string(),
  consumer: consumerView,
  startsOn: z.string(),
  endsOn: z.string(),
  activatedAt: z.string(),
  position: z.number().int(),
});

export const warrantySchema = z
  .object({
    id: z.string(),
    warrantyNumber: z.string(),
    serial: z.string().describe('The serial covered now'),
    previousSerials: z.array(z.string()).describe('Serials a claim replaced, oldest first'),
    modelId: z.string(),
    consumer: consumerView,
    channel,
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['active', 'expired', 'void', 'transferred']).describe('As recorded; coverage is judged for today'),
    coverage,
    activatedAt: z.string(),
    activatedBy: z.string().nullable(),
    remindedAt: z.string().nullable(),
    expiredAt: z.string().nullable(),
    voidedAt: z.string().nullable(),
    voidReason: z.string().nullable(),
  })
  .meta({ id: 'Warranty' });

export const verificationSchema = z
  .object({
    serial: z.string(),
    status: coverage,
    model: z.object({ name: z.string(), sku: z.string(), capacityAh: z.number(), voltage: z.number() }).nullable(),
    warrantyId: z.string().nullable(),
    warrantyNumber: z.string().nullable(),
    replacementSerial: z.string().nullable().describe('Set when a claim replaced this battery'),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    consumer: consumerView.nullable().describe('Masked: initials, last digits, mail domain'),
  })
  .meta({ id: 'WarrantyVerification' });

export const warrantyListQuery = paginationQuery.extend({
  status: z.enum(['active', 'expired', 'void', 'transferred']).optional(),
  serial: z.string().trim().min(3).max(40).optional(),
  number: z.string().trim().min(3).max(20).optional().describe('Warranty number, e.g. WR-7K3M-9QXT'),
  modelId: z.string().min(1).max(64).optional(),
  phone: phone.optional(),
  email: z.string().trim().min(3).max(254).optional(),
});
