// Error codes the provisioning service answers with, shared by the service, the desktop app and tests.
// Every error body is {"error": {code, message, details}} (see api.md).
import { z } from 'zod';

export const errorCodes = [
  // contract codes (api.md)
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'NUMBER_EXISTS',
  'CONTACT_EXISTS',
  'NUMBER_UNAVAILABLE',
  'NOT_ENOUGH_NUMBERS',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_INVITATION',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  // added by the service
  'IDEMPOTENCY_KEY_IN_USE',
  'INVALID_JSON',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'ADMINISTRATOR_EXISTS',
  'ORGANIZATION_NAME_EXISTS',
  'PROFILE_NAME_EXISTS',
  'WRONG_PASSWORD',
  'CANNOT_CHANGE_OWN_ADMINISTRATOR',
  'IMPORT_NOT_OPEN',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'NOT_INVITED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorCodeSchema = z.enum(errorCodes);

/** The body of every error answer. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `details.fields` of a 422 VALIDATION_FAILED answer: field path → message. */
export type ValidationFields = Record<string, string>;
