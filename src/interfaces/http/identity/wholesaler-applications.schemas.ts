import { z } from 'zod';
import { paginationQuery } from '../common/pagination.schema';

const status = z.enum(['pending', 'approved', 'rejected']);
const reviewNotes = z.string().trim().min(1).max(1000);

export const wholesalerApplicationSchema = z
  .object({
    id: z.string().describe("The applicant's user id"),
    userId: z.string(),
    businessName: z.string(),
    registrationNumber: z.string(),
    taxNumber: z.string().nullable(),
    address: z.string(),
    phone: z.string(),
    notes: z.string().nullable(),
    status,
    submittedAt: z.string(),
    reviewerId: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNotes: z.string().nullable(),
    tenantId: z.null().describe('Applications belong to no tenant'),
  })
  .meta({ id: 'WholesalerApplication' });

export const applyBody = z
  .object({
    businessName: z.string().trim().min(1).max(200),
    registrationNumber: z.string().trim().min(1).max(64),
    taxNumber: z.string().trim().min(1).max(64).optional(),
    address: z.string().trim().min(1).max(500),
    phone: z.string().trim().min(6).max(32).describe('E.164 (+254712345678) or national form (0712345678)'),
    notes: z.string().trim().max(1000).optional(),
  })
  .strict();

export const approveBody = z.object({ notes: reviewNotes.optional() }).strict().optional();

export const rejectBody = z.object({ notes: reviewNotes.describe('Why the application is rejected; the applicant sees it') }).strict();

export const applicationIdParams = z.object({ id: z.string().min(1).max(64) });

export const applicationListQuery = paginationQuery.extend({ status: status.optional() });
