// REST shapes of the invitation outbox (GET /api/v1/outbox); browser-safe.
import { z } from 'zod';
import { idSchema, pageQuerySchema, pagedSchema } from './paging';

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/** `kept` = no transport configured: the message was not sent and the app shows it as such. */
export const outboxStatuses = ['kept', 'queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(outboxChannels),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  accountId: z.string().nullable(),
  status: z.enum(outboxStatuses),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const listOutboxQuerySchema = pageQuerySchema.extend({ accountId: idSchema.optional() });
export type ListOutboxQuery = z.infer<typeof listOutboxQuerySchema>;

export const outboxPageSchema = pagedSchema(outboxMessageSchema);
export type OutboxPage = z.infer<typeof outboxPageSchema>;
