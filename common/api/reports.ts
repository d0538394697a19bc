// Reports (api.md "Reports"): the summary dashboard, the follow-up queue; browser-safe shapes.
import { z } from 'zod';
import { accountSchema, accountStatuses } from './accounts';
import { idSchema, pageQuerySchema, pagedSchema, queryBooleanSchema } from './paging';

/** A calendar day, `YYYY-MM-DD`. */
export const reportDateSchema = z.iso.date();

/** An IANA time zone the service's Intl knows (e.g. `America/Chicago`). */
export const timeZoneSchema = z
  .string()
  .max(100)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA time zone such as America/Chicago.');

/** The longest range a report covers, in days. */
export const maxReportDays = 366;

/** Organization scope and days of a report; `from`/`to` inclusive, default the 30 days ending today. */
export const reportRangeQuerySchema = z.object({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  from: reportDateSchema.optional(),
  to: reportDateSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type ReportRangeQuery = z.infer<typeof reportRangeQuerySchema>;

const count = z.number().int().min(0);

/** Normalised delivery failure reasons (never an address). */
export const deliveryFailureReasons = [
  'connection_refused',
  'timeout',
  'host_not_found',
  'recipient_rejected',
  'auth_failed',
  'other',
] as const;
export type DeliveryFailureReason = (typeof deliveryFailureReasons)[number];

/** The days of the funnel's "activated within N days" shares. */
export const funnelDays = ['1', '3', '7', '30'] as const;

export const reportSummarySchema = z.object({
  accountsByStatus: z.object(
    Object.fromEntries(accountStatuses.map((status) => [status, count])) as Record<
      (typeof accountStatuses)[number],
      typeof count
    >,
  ),
  funnel: z.object({
    invited: count,
    activated: count,
    activatedWithinDays: z.object({ '1': count, '3': count, '7': count, '30': count }),
    medianHoursToActivate: z.number().nullable(),
  }),
  daily: z.array(
    z.object({
      date: reportDateSchema,
      created: count,
      invited: count,
      activated: count,
      sent: count,
      failed: count,
      kept: count,
    }),
  ),
  numbers: z.array(
    z.object({
      organizationId: z.string(),
      /** Added for the screens; not in the fixed contract's list but harmless. */
      organizationName: z.string(),
      available: count,
      reserved: count,
      assigned: count,
      registered: count,
      capacity: count,
    }),
  ),
  deliveryFailures: z.array(z.object({ reason: z.enum(deliveryFailureReasons), count })),
  imports: z.array(
    z.object({ date: reportDateSchema, created: count, duplicate: count, invalid: count }),
  ),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportDay = ReportSummary['daily'][number];

export const followUpQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
  includeSubOrganizations: queryBooleanSchema.optional(),
  /** N ≥ 0; default the organization's `followUpDays`. */
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type FollowUpQuery = z.infer<typeof followUpQuerySchema>;

export const followUpItemSchema = accountSchema.extend({
  /** When the latest invitation was sent. */
  lastInvitedAt: z.string().nullable(),
  /** How many times the invitation was resent. */
  followUps: count,
  /** The latest resend: when and by whom (null when never resent). */
  lastFollowUp: z
    .object({ at: z.string(), administratorId: z.string().nullable(), by: z.string().nullable() })
    .nullable(),
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpPageSchema = pagedSchema(followUpItemSchema).extend({
  /** The N used (days). */
  olderThanDays: count,
});
export type FollowUpPage = z.infer<typeof followUpPageSchema>;
