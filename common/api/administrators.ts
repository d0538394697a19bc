// Administrators: people who sign in to Linedesk, with privileges over their organization subtree.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema, queryBooleanSchema } from './paging';

export const privileges = [
  'accounts',
  'accounts_bulk',
  'numbers',
  'administrators',
  'setup',
  'reports',
] as const;
export type Privilege = (typeof privileges)[number];
export const privilegeSchema = z.enum(privileges);

/** Shown names of the privileges (product.md). */
export const privilegeLabels: Record<Privilege, string> = {
  accounts: 'Accounts',
  accounts_bulk: 'Accounts Bulk Operations',
  numbers: 'Numbers',
  administrators: 'Administrators',
  setup: 'Setup',
  reports: 'Reports',
};

/**
 * Privileges of another administrator that the actor lacks: empty means the actor may change,
 * delete, resend to or reset that administrator (the screens disable the actions otherwise).
 */
export function privilegesBeyond(
  actor: readonly Privilege[],
  other: readonly Privilege[],
): Privilege[] {
  return other.filter((privilege) => !actor.includes(privilege));
}

/** `invited`: has not chosen a password yet (signs in with the temporary one); `active`: has. */
export const administratorStatuses = ['invited', 'active'] as const;
export type AdministratorStatus = (typeof administratorStatuses)[number];

export const administratorSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  name: z.string(),
  privileges: z.array(privilegeSchema),
  status: z.enum(administratorStatuses),
  invitedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Administrator = z.infer<typeof administratorSchema>;

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address.' }));

const privilegeListSchema = z
  .array(privilegeSchema)
  .max(privileges.length)
  .transform((list) => [...new Set(list)]);

export const createAdministratorSchema = z.object({
  organizationId: idSchema,
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(200),
  privileges: privilegeListSchema,
});
export type CreateAdministrator = z.infer<typeof createAdministratorSchema>;

export const updateAdministratorSchema = z
  .object({
    organizationId: idSchema,
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    privileges: privilegeListSchema,
  })
  .partial();
export type UpdateAdministrator = z.infer<typeof updateAdministratorSchema>;

export const administratorListQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  q: z.string().max(200).optional(),
});
export type AdministratorListQuery = z.infer<typeof administratorListQuerySchema>;

export const administratorPageSchema = pagedSchema(administratorSchema);

export const resendAdministratorInvitationSchema = z.object({
  administratorIds: z.array(idSchema).min(1).max(500),
});

export const administratorResultsSchema = z.object({
  results: z.array(
    z.object({
      administratorId: z.string(),
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type AdministratorResults = z.infer<typeof administratorResultsSchema>;
