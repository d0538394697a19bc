// REST shapes of the number pool (api.md "Number" and /api/v1/numbers); browser-safe.
import { z } from 'zod';
import { validateE164Number } from '../contact/phone';
import {
  idSchema,
  pageQuerySchema,
  pagedSchema,
  queryBooleanSchema,
  queryListSchema,
} from './paging';

export const numberStates = ['available', 'reserved', 'assigned', 'registered'] as const;
export type NumberState = (typeof numberStates)[number];

/** A phone number written in E.164 and valid by libphonenumber's full rules. */
export const e164Schema = z.string().superRefine((value, ctx) => {
  const check = validateE164Number(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

export const numberSchema = z.object({
  number: z.string(),
  organizationId: z.string(),
  state: z.enum(numberStates),
  tag: z.string().nullable(),
  accountId: z.string().nullable(),
  /** The holding account's name and contact (in lists; absent when no account holds it). */
  accountName: z.string().optional(),
  accountContact: z.string().nullable().optional(),
});
export type PoolNumber = z.infer<typeof numberSchema>;

export const listNumbersQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  state: queryListSchema(z.enum(numberStates)).optional(),
  q: z.string().max(200).optional(),
});
export type ListNumbersQuery = z.infer<typeof listNumbersQuerySchema>;

export const numberPageSchema = pagedSchema(numberSchema);
export type NumberPage = z.infer<typeof numberPageSchema>;

export const addNumbersBodySchema = z.object({
  organizationId: idSchema,
  numbers: z.array(e164Schema).min(1).max(10_000),
});
export type AddNumbersBody = z.infer<typeof addNumbersBodySchema>;

export const addNumbersResultSchema = z.object({ numbers: z.array(numberSchema) });
export type AddNumbersResult = z.infer<typeof addNumbersResultSchema>;

export const numberTagSchema = z.string().trim().min(1).max(40);

/** Either change the state of a free number, or move it to another organization (allocate/withdraw). */
export const patchNumberBodySchema = z.union([
  z.strictObject({
    state: z.enum(['available', 'reserved']),
    tag: numberTagSchema.nullable().optional(),
  }),
  z.strictObject({ organizationId: idSchema }),
]);
export type PatchNumberBody = z.infer<typeof patchNumberBodySchema>;
