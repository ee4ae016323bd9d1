import { z } from 'zod';
import { paginationQuery } from '../common/pagination.schema';

const name = z.string().trim().min(1).max(160);
const paybillNumber = z.string().regex(/^[0-9]{5,7}$/, '5 to 7 digits').describe('The M-Pesa paybill number customers pay into');
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

const billingBody = z
  .object({
    contactName: optionalText(120),
    email: z.email().max(254),
    phone: z.string().trim().min(6).max(32).optional(),
    address: optionalText(500),
    taxNumber: optionalText(40).describe('KRA PIN or another tax number'),
  })
  .strict();

const credentialField = z.string().min(1).max(1024);
/** Stronpower's vending account; other string fields the vendor may need are kept too. */
const vendorCredentials = z
  .object({ username: credentialField, password: credentialField, apiKey: credentialField.optional() })
  .catchall(credentialField)
  .refine((credentials) => Object.keys(credentials).length <= 20, { message: 'At most 20 fields' })
  .describe('Sealed (AES-256-GCM) on arrival; never returned by the API');

export const createTenantBody = z
  .object({ name, paybillNumber, billing: billingBody, vendorCredentials: vendorCredentials.optional() })
  .strict();

export const updateTenantBody = z
  .object({ name: name.optional(), paybillNumber: paybillNumber.optional(), billing: billingBody.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });

export const vendorCredentialsBody = vendorCredentials;

export const deactivateTenantBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();

export const tenantListQuery = paginationQuery.extend({
  status: z.enum(['active', 'deactivated']).optional(),
  search: z.string().trim().min(1).max(160).optional().describe('Case-insensitive part of the name'),
});

export const tenantIdParams = z.object({ id: z.string().min(1).max(64) });

export const tenantSchema = z
  .object({
    id: z.string(),
    tenantId: z.string().describe('The same as id'),
    name: z.string(),
    paybillNumber: z.string(),
    billing: z.object({
      contactName: z.string().nullable(),
      email: z.string(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      taxNumber: z.string().nullable(),
    }),
    status: z.enum(['active', 'deactivated']),
    hasVendorCredentials: z.boolean(),
    vendorCredentialsUpdatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deactivatedAt: z.string().nullable(),
  })
  .meta({ id: 'Tenant' });

export const tenantStatsSchema = z
  .object({
    tenantId: z.string(),
    users: z.object({
      total: z.number().int(),
      byRole: z.record(z.string(), z.number().int()).describe('Every tenant role (0 when unused) and any custom role in use'),
      byStatus: z.object({ active: z.number().int(), deactivated: z.number().int() }),
    }),
  })
  .meta({
    id: 'TenantStats',
    description: "Counts of the tenant's users. Meters and customers are added with the vending issue; they are not counted yet.",
  });
