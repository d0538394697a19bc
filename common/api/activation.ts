// REST shapes of activation (device side, no auth): POST /api/v1/activation and /activation/number.
import { z } from 'zod';
import { hasControlCharacter } from '../csv/control-characters';
import { e164Schema } from './numbers';

/** Text a device sends: no control characters (PostgreSQL cannot even store NUL). */
const deviceText = (max: number, message?: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max)
    .refine((text) => !hasControlCharacter(text), 'Remove control characters.');

export const activationBodySchema = z.object({
  username: deviceText(320, 'Enter the username from the invitation.'),
  password: deviceText(200, 'Enter the password from the invitation.'),
  /** The device's own number, bound to the account (device numbers are normalised to E.164). */
  personalPhone: deviceText(40),
  deviceId: deviceText(200),
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
  activationToken: deviceText(2000),
  number: e164Schema,
});
export type ActivationNumberBody = z.infer<typeof activationNumberBodySchema>;

export const activationNumberResultSchema = activationWithNumberSchema;
export type ActivationNumberResult = z.infer<typeof activationNumberResultSchema>;

/** The exact sentence product.md gives when a single-use invitation is used again. */
export const INVITATION_USED_MESSAGE =
  'This invitation has already been used to onboard MultiLine on a mobile device. It cannot be reused. Contact your administrator for further assistance.';
