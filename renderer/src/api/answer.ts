// Checks a service answer against its common/api schema, so a mismatched service version shows a
// sentence instead of breaking a screen further down.
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Parses `data` with `schema`; a mismatch becomes an ApiError an admin can act on. */
export function parseAnswer<T extends z.ZodType>(
  schema: T,
  data: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ApiError(
    'UNEXPECTED_ANSWER',
    `The service sent ${what} in a form this version of Linedesk does not understand. Check that the app and the service are the same version.`,
  );
}
