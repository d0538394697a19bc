// Permission profiles ("User Permissions"): named feature switches, inherited by sub-organizations.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema } from './paging';

export const defaultProfileName = 'Default User Permissions (Default)';

export const permissionSettingsSchema = z.object({
  calling: z.boolean().default(true),
  sms: z.boolean().default(true),
  internationalCalling: z.boolean().default(false),
  callRecording: z.boolean().default(false),
  voicemail: z.boolean().default(true),
});
export type PermissionSettings = z.infer<typeof permissionSettingsSchema>;
export const defaultPermissionSettings: PermissionSettings = permissionSettingsSchema.parse({});

export const permissionProfileSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  settings: permissionSettingsSchema,
  isDefault: z.boolean(),
  /** True when the profile belongs to an ancestor of the organization asked about. */
  inherited: z.boolean(),
  createdAt: z.string(),
});
export type PermissionProfile = z.infer<typeof permissionProfileSchema>;

export const createPermissionProfileSchema = z.object({
  organizationId: idSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(200),
  settings: permissionSettingsSchema.default(defaultPermissionSettings),
});
export type CreatePermissionProfile = z.infer<typeof createPermissionProfileSchema>;

export const permissionProfileListQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
});
export type PermissionProfileListQuery = z.infer<typeof permissionProfileListQuerySchema>;

export const permissionProfilePageSchema = pagedSchema(permissionProfileSchema);
