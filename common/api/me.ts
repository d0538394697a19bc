// GET /api/v1/me: the signed-in administrator.
import { z } from 'zod';
import { administratorSchema } from './administrators';

export const meSchema = administratorSchema.extend({
  organizationName: z.string(),
  passwordChangeRequired: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;
