import { z } from 'zod';
import { ROLE_NAME_PATTERN } from '../../../domain/identity/roles';
import { paginationQuery } from '../common/pagination.schema';

/** Names are checked against the permission table by the application, which names every unknown one (422). */
const permissionList = z.array(z.string().min(1).max(100)).min(1).max(100);
const description = z.string().trim().max(500);

export const roleSchema = z
  .object({
    id: z.string().describe("The role's name: roles are known by it"),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    tenantScoped: z.boolean().describe('Holders belong to a tenant and act inside it only'),
    builtIn: z.boolean(),
    status: z.enum(['active', 'retired']),
    definedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
  })
  .meta({ id: 'Role' });

export const permissionSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    roles: z.array(z.string()).describe('The built-in roles that hold it'),
  })
  .meta({ id: 'Permission' });

export const defineRoleBody = z
  .object({
    name: z.string().regex(ROLE_NAME_PATTERN, 'A role name is 3..40 lower-case letters, digits and underscores, starting with a letter'),
    description: description.default(''),
    permissions: permissionList,
    tenantScoped: z.boolean().default(false),
  })
  .strict();

export const changeRoleBody = z
  .object({ description: description.optional(), permissions: permissionList.optional() })
  .strict()
  .refine((body) => body.description !== undefined || body.permissions !== undefined, { message: 'Give a description, permissions, or both' });

export const roleNameParams = z.object({ name: z.string().min(1).max(40) });

export const roleListQuery = paginationQuery.extend({
  status: z.enum(['active', 'retired']).default('active').describe('Built-in roles are always active'),
});
