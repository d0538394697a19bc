// Audit events (Reports): who did what, when, to what; listed oldest first.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema } from './paging';

export const auditEventSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  organizationId: z.string().nullable(),
  /** e.g. `account.created`, `administrator.invited`, `auth.login`. */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
  action: z.string().max(100).optional(),
  targetId: idSchema.optional(),
  actorId: idSchema.optional(),
  /** Only events at or after this time (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Only events before this time (ISO 8601). */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const auditEventPageSchema = pagedSchema(auditEventSchema);
