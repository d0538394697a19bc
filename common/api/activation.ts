// REST shapes of activation (device side, no auth): POST /api/v1/activation and /activation/number.
import { z } from 'zod';
import { e164Schema } from './numbers';

export const activationBodySchema = z.object({
  username: z.string().trim().min(1, 'Enter the username from the invitation.').max(320),
  password: z.string().min(1, 'Enter the password from the invitation.').max(200),
  /** The device's own number, bound to the account (device numbers are normalised to E.164). */
  personalPhone: z.string().trim().min(1).max(40),
  deviceId: z.string().trim().min(1).max(200),
});
export type ActivationBody = z.infer<typeof activationBodySchema>;

/** Activated with the account's number. */
export const activationWithNumberSchema = z.object({
  accountId: z.string(),
  number: z.string(),
});

/** No number yet: the user picks one of `chooseFrom` with `activationToken` (POST /activation/number). */
export const activationChooseNumberSchema = z.object({
  accountId: z.string(),
  number: z.null(),
  activationToken: z.string(),
  chooseFrom: z.array(z.string()),
});

export const activationResultSchema = z.union([
  activationWithNumberSchema,
  activationChooseNumberSchema,
]);
export type ActivationResult = z.infer<typeof activationResultSchema>;

export const activationNumberBodySchema = z.object({
  activationToken: z.string().min(1).max(2000),
  number: e164Schema,
});
export type ActivationNumberBody = z.infer<typeof activationNumberBodySchema>;

export const activationNumberResultSchema = activationWithNumberSchema;
export type ActivationNumberResult = z.infer<typeof activationNumberResultSchema>;

/** The exact sentence product.md gives when a single-use invitation is used again. */
export const INVITATION_USED_MESSAGE =
  'This invitation has already been used to onboard MultiLine on a mobile device. It cannot be reused. Contact your administrator for further assistance.';
