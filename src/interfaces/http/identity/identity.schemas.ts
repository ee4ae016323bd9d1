import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../../domain/identity/password-policy';
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES } from '../../../domain/identity/roles';
import { paginationQuery } from '../common/pagination.schema';

export const email = z.email().max(254);
/** Loose on purpose: the application reads national and international forms and answers 422 if it cannot. */
export const phone = z.string().trim().min(6).max(32).describe('E.164 (+254712345678) or national form (0712345678)');
/** Length is checked by the password policy, which lists every rule a password breaks at once. */
export const newPassword = z.string().max(MAX_PASSWORD_LENGTH * 4);
const roleName = z.string().min(1).max(40).describe(`A built-in role (${BUILT_IN_ROLES.join(', ')}) or a custom role`);
const tenantId = z.string().min(1).max(64);

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string(),
    role: z.string(),
    tenantId: z.string().nullable(),
    status: z.enum(['active', 'deactivated']),
    referralCode: z.string().nullable(),
    registeredAt: z.string(),
  })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Access token lifetime in seconds'),
    user: userSchema,
  })
  .meta({ id: 'Session' });

const emailOrPhone = <T extends z.ZodObject>(schema: T) =>
  schema.refine((body: { email?: unknown; phone?: unknown }) => body.email !== undefined || body.phone !== undefined, {
    message: 'Give an email, a phone, or both',
    path: ['email'],
  });

export const loginBody = z
  .object({
    email: email.optional(),
    phone: phone.optional(),
    password: z.string().min(1).max(1024),
    deviceId: z.string().max(200).optional().describe('Accepted for the car club app; not stored'),
  })
  .strict()
  .refine((body) => (body.email === undefined) !== (body.phone === undefined), { message: 'Give either an email or a phone', path: ['email'] });

export const registerBody = emailOrPhone(
  z
    .object({
      name: z.string().trim().min(1).max(120),
      email: email.optional(),
      phone: phone.optional(),
      password: newPassword,
      referralCode: z.string().trim().min(1).max(32).optional(),
      role: z.enum(SELF_SERVICE_ROLES).optional().describe('consumer (default) or member'),
    })
    .strict(),
);

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(4096) }).strict();

export const profileBody = z
  .object({ name: z.string().trim().min(1).max(120).optional(), email: email.nullable().optional(), phone: phone.nullable().optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword }).strict();

export const createUserBody = emailOrPhone(
  z
    .object({
      email: email.optional(),
      phone: phone.optional(),
      name: z.string().trim().min(1).max(120),
      role: roleName,
      tenantId: tenantId.optional().describe("Defaults to the caller's tenant"),
      password: newPassword,
    })
    .strict(),
);

export const updateUserBody = profileBody;

export const assignRoleBody = z
  .object({ role: roleName, tenantId: tenantId.nullable().optional().describe("Defaults to the caller's tenant, else the user's") })
  .strict();

export const deactivateBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();

export const userListQuery = paginationQuery.extend({
  role: roleName.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  tenantId: tenantId.optional(),
  search: z.string().trim().min(1).max(254).optional(),
});

export const userIdParams = z.object({ id: z.string().min(1).max(64) });
