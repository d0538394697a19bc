// REST shapes of accounts (api.md "Account" and /api/v1/accounts/*); browser-safe.
import { z } from 'zod';
import { contactTypes, normaliseContact } from '../contact/contact';
import { e164Schema } from './numbers';
import {
  idSchema,
  pageQuerySchema,
  pagedSchema,
  queryBooleanSchema,
  queryListSchema,
  sortSchema,
} from './paging';

export const accountStatuses = [
  'not_invited',
  'invited',
  'invitation_failed',
  'activated',
  'suspended',
] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** The grid's default order: Activated > Invitation Failed > Invited > Not Invited (then Suspended). */
export const defaultStatusOrder: readonly AccountStatus[] = [
  'activated',
  'invitation_failed',
  'invited',
  'not_invited',
  'suspended',
];

export const applications = ['MultiLine'] as const;
export type Application = (typeof applications)[number];

export const accountSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  contact: z.string(),
  contactType: z.enum(contactTypes),
  username: z.string(),
  applications: z.array(z.enum(applications)),
  linesAllowed: z.number().int(),
  permissionProfileId: z.string().nullable(),
  number: z.string().nullable(),
  personalPhone: z.string().nullable(),
  status: z.enum(accountStatuses),
  invitedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

const personNameSchema = z.string().trim().min(1, 'Required.').max(100);

/** "Email or Device #": an email address or a device number with its country code. */
export const contactInputSchema = z.string().superRefine((value, ctx) => {
  const check = normaliseContact(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

export const linesAllowedSchema = z.number().int().min(1).max(100);

export const createAccountBodySchema = z.object({
  organizationId: idSchema,
  firstName: personNameSchema,
  lastName: personNameSchema,
  contact: contactInputSchema,
  applications: z.array(z.enum(applications)).min(1).default(['MultiLine']),
  linesAllowed: linesAllowedSchema.default(1),
  permissionProfileId: idSchema.nullable().optional(),
  number: e164Schema.nullable().optional(),
  invite: z.boolean().default(false),
});
export type CreateAccountBody = z.infer<typeof createAccountBodySchema>;
export type CreateAccountInput = z.input<typeof createAccountBodySchema>;

/** Editable fields; `number: null` takes the number back (only before activation). */
export const patchAccountBodySchema = z.object({
  firstName: personNameSchema.optional(),
  lastName: personNameSchema.optional(),
  contact: contactInputSchema.optional(),
  linesAllowed: linesAllowedSchema.optional(),
  permissionProfileId: idSchema.optional(),
  number: e164Schema.nullable().optional(),
});
export type PatchAccountBody = z.infer<typeof patchAccountBodySchema>;

export const accountSortFields = [
  'status',
  'firstName',
  'lastName',
  'contact',
  'username',
  'number',
  'organizationId',
  'linesAllowed',
  'invitedAt',
  'activatedAt',
  'createdAt',
  'updatedAt',
] as const;
export type AccountSortField = (typeof accountSortFields)[number];

export const accountSortSchema = sortSchema(accountSortFields);
export type AccountSort = z.infer<typeof accountSortSchema>;

/** The times the list can be narrowed by (a report's chart opens the grid this way). */
export const accountDateFields = ['createdAt', 'invitedAt', 'activatedAt'] as const;
export type AccountDateField = (typeof accountDateFields)[number];

export const listAccountsQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  status: queryListSchema(z.enum(accountStatuses)).optional(),
  q: z.string().max(200).optional(),
  sort: accountSortSchema.optional(),
  /** With from/to: only accounts whose created, (latest) invited or activated time is in [from, to). */
  dateField: z.enum(accountDateFields).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;
/** The export takes the list's filters without paging. */
export const exportAccountsQuerySchema = listAccountsQuerySchema.omit({
  page: true,
  pageSize: true,
});
export type ExportAccountsQuery = z.infer<typeof exportAccountsQuerySchema>;

/** The export of a selection: the list's filters narrowed to these accounts (ids outside the scope are skipped). */
export const exportAccountsCsvQuerySchema = exportAccountsQuerySchema.extend({
  accountIds: queryListSchema(idSchema, 500).pipe(z.array(z.string()).min(1)).optional(),
});
export type ExportAccountsCsvQuery = z.infer<typeof exportAccountsCsvQuerySchema>;

/** The status chips' counts take the list's filters except status, paging and sort. */
export const accountCountsQuerySchema = listAccountsQuerySchema.pick({
  organizationId: true,
  includeSubOrganizations: true,
  q: true,
  dateField: true,
  from: true,
  to: true,
});
export type AccountCountsQuery = z.infer<typeof accountCountsQuerySchema>;

const countSchema = z.number().int().min(0);
export const accountCountsSchema = z.object({
  total: countSchema,
  byStatus: z.object({
    not_invited: countSchema,
    invited: countSchema,
    invitation_failed: countSchema,
    activated: countSchema,
    suspended: countSchema,
  } satisfies Record<AccountStatus, typeof countSchema>),
});
export type AccountCounts = z.infer<typeof accountCountsSchema>;

export const accountPageSchema = pagedSchema(accountSchema);
export type AccountPage = z.infer<typeof accountPageSchema>;

export const accountIdsBodySchema = z.object({
  accountIds: z.array(idSchema).min(1).max(10_000),
});
export type AccountIdsBody = z.infer<typeof accountIdsBodySchema>;

export const accountActionErrorSchema = z.object({ code: z.string(), message: z.string() });

/** Answer of invite / suspend / unsuspend / resend-invitation: one result per account. */
export const accountActionResultsSchema = z.object({
  results: z.array(
    z.object({
      accountId: z.string(),
      ok: z.boolean(),
      error: accountActionErrorSchema.optional(),
    }),
  ),
});
export type AccountActionResults = z.infer<typeof accountActionResultsSchema>;

export const moveCheckQuerySchema = z.object({
  accountIds: queryListSchema(idSchema, 10_000).pipe(z.array(z.string()).min(1)),
  targetOrganizationId: idSchema,
});
export type MoveCheckQuery = z.infer<typeof moveCheckQuerySchema>;

export const moveCheckResultSchema = z.object({
  allowed: z.boolean(),
  message: z.string().optional(),
});
export type MoveCheckResult = z.infer<typeof moveCheckResultSchema>;

export const moveAccountsBodySchema = z.object({
  accountIds: z.array(idSchema).min(1).max(10_000),
  targetOrganizationId: idSchema,
});
export type MoveAccountsBody = z.infer<typeof moveAccountsBodySchema>;

export const moveAccountsResultSchema = z.object({ moved: z.number().int() });
export type MoveAccountsResult = z.infer<typeof moveAccountsResultSchema>;

export const numberDispositions = ['release', 'reserve'] as const;
export type NumberDisposition = (typeof numberDispositions)[number];

export const deleteAccountsBodySchema = z.object({
  accountIds: z.array(idSchema).min(1).max(10_000),
  numberDisposition: z.enum(numberDispositions),
});
export type DeleteAccountsBody = z.infer<typeof deleteAccountsBodySchema>;

export const deleteAccountsResultSchema = z.object({ deleted: z.number().int() });
export type DeleteAccountsResult = z.infer<typeof deleteAccountsResultSchema>;

/** The exact sentence product.md gives for a move the destination's capacity cannot cover. */
export const MOVE_NOT_ENOUGH_NUMBERS_MESSAGE =
  'Unable to move account(s). You do not have enough numbers available in the selected organization';
