import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, MAX_NOTES_LENGTH, MIN_DESCRIPTION_LENGTH } from '../../../domain/warranty/claim.decider';
import { paginationQuery } from '../common/pagination.schema';

const serial = z.string().trim().min(3).max(40);
const description = z.string().trim().min(MIN_DESCRIPTION_LENGTH).max(MAX_DESCRIPTION_LENGTH).describe('What is wrong with the battery');
const notes = z.string().trim().max(MAX_NOTES_LENGTH).optional().describe('Why, for the claim history (staff only)');
const status = z.enum(['pending', 'under_review', 'approved', 'rejected', 'resolved']);
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

export const fileClaimBody = z
  .object({
    serial: serial.optional().describe('The serial the warranty covers (or give warrantyId)'),
    warrantyId: z.string().min(1).max(64).optional().describe('The warranty (or give serial)'),
    description,
  })
  .strict()
  .refine((body) => (body.serial === undefined) !== (body.warrantyId === undefined), {
    message: 'give either serial or warrantyId',
    path: ['serial'],
  });

export const publicClaimBody = z
  .object({
    serial,
    phone: z.string().trim().min(6).max(32).describe("The phone number the warranty was registered with (E.164 or national form)"),
    description,
  })
  .strict();

export const claimStepBody = z.object({ notes }).strict().optional();
export const rejectClaimBody = z.object({ reason: z.string().trim().min(1).max(MAX_NOTES_LENGTH).describe('Sent to the consumer'), notes }).strict();
export const assignClaimBody = z.object({ assigneeId: z.string().min(1).max(64), notes }).strict();
export const resolveClaimBody = z
  .object({
    outcome: z.enum(['repaired', 'replaced']),
    replacementSerial: serial.optional().describe('Required when the outcome is replaced; the warranty moves to it'),
    notes,
  })
  .strict()
  .refine((body) => (body.outcome === 'replaced') === (body.replacementSerial !== undefined), {
    message: 'a replacement names its serial, a repair none',
    path: ['replacementSerial'],
  });

export const claimIdParams = z.object({ id: z.string().min(1).max(64) });
export const claimAttachmentParams = claimIdParams.extend({ attachmentId: z.string().min(1).max(64) });

export const claimListQuery = paginationQuery.extend({
  status: status.optional(),
  assigneeId: z.string().min(1).max(64).optional(),
  serial: serial.optional(),
  warrantyId: z.string().min(1).max(64).optional(),
  claimNumber: z.string().trim().min(3).max(20).optional().describe('e.g. CL-7K3M-9QXT'),
  filedFrom: calendarDay.optional().describe('Filed on or after this day (UTC)'),
  filedTo: calendarDay.optional().describe('Filed on or before this day (UTC)'),
});

const step = z.object({ at: z.string(), by: z.string().nullable(), notes: z.string().nullable() });

export const claimSchema = z
  .object({
    id: z.string(),
    claimNumber: z.string().describe('Human-friendly and unique, e.g. CL-7K3M-9QXT'),
    warrantyId: z.string(),
    warrantyNumber: z.string(),
    serial: z.string().describe('The serial the claim was filed for'),
    modelId: z.string(),
    consumer: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    consumerUserId: z.string().nullable(),
    description: z.string(),
    attachments: z.array(
      z.object({ attachmentId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() }),
    ),
    channel: z.enum(['consumer', 'public', 'staff']),
    filedBy: z.string().nullable(),
    filedAt: z.string(),
    status,
    assigneeId: z.string().nullable(),
    assignments: z.array(step.extend({ assigneeId: z.string() })),
    history: z.array(step.extend({ status })),
    rejectionReason: z.string().nullable(),
    outcome: z.enum(['repaired', 'replaced']).nullable(),
    replacementSerial: z.string().nullable(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'WarrantyClaim' });

export const filedClaimSchema = z.object({
  claimId: z.string(),
  claimNumber: z.string(),
  status: z.literal('pending'),
  position: z.number().int(),
});

export const publicFiledClaimSchema = z.object({ claimNumber: z.string(), position: z.number().int() });

export const claimChangedSchema = z.object({ status, assigneeId: z.string().nullable(), position: z.number().int() });
