import { z } from 'zod';
import { email, newPassword, phone, sessionSchema } from './identity.schemas';

const code = z.string().trim().regex(/^\d{6}$/, 'Six digits').describe('The six-digit code from the SMS or mail');

/** Exactly one: the reset code goes to the channel the request names. */
const emailXorPhone = <T extends z.ZodObject>(schema: T) =>
  schema.refine((body: { email?: unknown; phone?: unknown }) => (body.email === undefined) !== (body.phone === undefined), {
    message: 'Give either an email or a phone',
    path: ['email'],
  });

export const otpSendBody = z.object({ phone }).strict();

export const otpSentSchema = z
  .object({
    sent: z.literal(true),
    expiresInSeconds: z.number().int(),
    resendAfterSeconds: z.number().int().describe('A new code cannot be requested before this many seconds'),
  })
  .meta({ id: 'OtpSent' });

export const otpVerifyBody = z
  .object({ phone, code, name: z.string().trim().min(1).max(120).optional().describe('Used only when the phone has no account yet') })
  .strict();

export const otpSessionSchema = sessionSchema
  .extend({ accountCreated: z.boolean().describe('True when this login created the account') })
  .meta({ id: 'OtpSession' });

export const passwordResetBody = emailXorPhone(z.object({ email: email.optional(), phone: phone.optional() }).strict());

export const passwordResetRequestedSchema = z.object({ requested: z.literal(true) }).meta({ id: 'PasswordResetRequested' });

export const passwordResetConfirmBody = emailXorPhone(
  z.object({ email: email.optional(), phone: phone.optional(), code, newPassword }).strict(),
);

export const passwordResetDoneSchema = z.object({ reset: z.literal(true) }).meta({ id: 'PasswordResetDone' });
