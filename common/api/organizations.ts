// Organizations: the caller's subtree, flat, with number counts and onboarding capacity.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema } from './paging';

export const numberCountsSchema = z.object({
  available: z.number().int(),
  reserved: z.number().int(),
  assigned: z.number().int(),
  registered: z.number().int(),
});
export type NumberCounts = z.infer<typeof numberCountsSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  numbers: numberCountsSchema,
  /** Available numbers − invited (or about to be) accounts without a number. */
  capacity: z.number().int(),
  createdAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(200),
  parentId: idSchema,
});
export type CreateOrganization = z.infer<typeof createOrganizationSchema>;

export const organizationListQuerySchema = pageQuerySchema.extend({
  q: z.string().max(200).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;

export const organizationPageSchema = pagedSchema(organizationSchema);
