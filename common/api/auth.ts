// Sign-in, token refresh, sign-out and password change (api.md "auth").
import { z } from 'zod';
import { administratorSchema } from './administrators';

/** Administrators' chosen passwords: long enough to resist guessing, short enough to type. */
export const minPasswordLength = 12;

export const loginRequestSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1000),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** When the access token expires (ISO 8601); refresh before then. */
  expiresAt: z.string(),
  administrator: administratorSchema,
  passwordChangeRequired: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(1000) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const logoutRequestSchema = refreshRequestSchema;
export const logoutResponseSchema = z.object({ ok: z.literal(true) });

export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(1000),
  newPassword: z
    .string()
    .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
    .max(1000),
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;
export const passwordChangeResponseSchema = z.object({ ok: z.literal(true) });
