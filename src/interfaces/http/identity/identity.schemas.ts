import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../../application/identity/register-user.handler';
import { ROLES } from '../../../domain/identity/user.decider';
import { paginationQuery } from '../common/pagination.schema';

export const loginBody = z.object({ email: z.email().max(254), password: z.string().min(1).max(256) }).strict();
export const refreshBody = z.object({ refreshToken: z.string().min(1).max(4096) }).strict();

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    status: z.enum(['active', 'deactivated']),
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

export const createUserBody = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
  })
  .strict();

export const userListQuery = paginationQuery.extend({
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  search: z.string().trim().min(1).max(254).optional(),
});

export const userIdParams = z.object({ id: z.string().min(1).max(64) });
