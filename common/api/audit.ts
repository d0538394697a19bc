// Audit events (Reports): who did what, when, to what; listed oldest first. The Activity report's
// filters (administrator, action, organization, dates) serve the list and its CSV alike.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema, queryBooleanSchema } from './paging';
import { timeZoneSchema } from './reports';

/** Every action the service records in the audit trail (`noun.verb`). */
export const auditActions = [
  'auth.signed_in',
  'auth.signed_out',
  'administrator.bootstrapped',
  'administrator.invited',
  'administrator.changed',
  'administrator.deleted',
  'administrator.invitation_resent',
  'administrator.password_changed',
  'administrator.password_reset',
  'account.created',
  'account.created_and_invited',
  'account.updated',
  'account.invited',
  'account.invitation_resent',
  'account.invitation_failed',
  'account.suspended',
  'account.unsuspended',
  'account.moved',
  'account.deleted',
  'account.activated',
  'numbers.added',
  'number.updated',
  'number.allocated',
  'number.withdrawn',
  'organization.created',
  'organization.settings_changed',
  'organization.invitation_template_changed',
  'permission_profile.created',
  'import.created',
  'import.completed',
] as const;

/** An action of the audit trail. */
export type AuditAction = (typeof auditActions)[number];

export const auditActionSchema = z.enum(auditActions);

export const auditEventSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The acting administrator's name (null for the service itself or a device). */
  actorName: z.string().nullable(),
  organizationId: z.string().nullable(),
  /** One of `auditActions`; a string so events of older versions still read. */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** The target's name when the event happened (an account's "First Last", an administrator's name). */
  targetName: z.string().nullable(),
  /** The target's contact (account) or email (administrator) when the event happened. */
  targetContact: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** A date (`YYYY-MM-DD`, a whole day in `timeZone`) or an ISO date-time. */
const dateOrTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const auditEventFilterSchema = z.object({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  action: z.string().max(100).optional(),
  targetId: idSchema.optional(),
  /** The acting administrator. */
  administratorId: idSchema.optional(),
  /** Alias of administratorId. */
  actorId: idSchema.optional(),
  /** Events at or after this time; a date means from the start of that day (inclusive). */
  from: dateOrTimeSchema.optional(),
  /** Events before this time; a date means up to the end of that day (inclusive). */
  to: dateOrTimeSchema.optional(),
  /** The zone of `from`/`to` dates (default UTC). */
  timeZone: timeZoneSchema.optional(),
});
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

export const auditEventListQuerySchema = pageQuerySchema.extend(auditEventFilterSchema.shape);
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const auditEventPageSchema = pagedSchema(auditEventSchema);
