// Organization settings (Setup): invitation expiry, single-use invitations, email domains, max lines.
import { z } from 'zod';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Enter a domain such as example.com.',
  });

export const organizationSettingsSchema = z.object({
  invitationExpiryDays: z.number().int().min(1).max(365),
  singleUseInvitations: z.boolean(),
  /** Empty = any domain. */
  allowedEmailDomains: z.array(domainSchema).max(100),
  maxLinesAllowed: z.number().int().min(1).max(50),
  /** The follow-up queue lists Invited accounts whose invitation is older than this (days). */
  followUpDays: z.number().int().min(0).max(365),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const defaultOrganizationSettings: OrganizationSettings = {
  invitationExpiryDays: 30,
  singleUseInvitations: false,
  allowedEmailDomains: [],
  maxLinesAllowed: 5,
  followUpDays: 3,
};

export const updateOrganizationSettingsSchema = organizationSettingsSchema.partial();
export type UpdateOrganizationSettings = z.infer<typeof updateOrganizationSettingsSchema>;
