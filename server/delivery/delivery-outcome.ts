// Records what happened to one claimed message: sent, retry later (exponential backoff), or failed
// after the last try, which turns the account to `invitation_failed` if that message was its
// latest invitation and it is still `invited` (a newer resend or an activation wins).
import type { Kysely } from 'kysely';
import type { Database, OutboxMessageRow } from '../db/schema';
import { isoNow } from '../db/values';
import { recordAudit } from '../domain/audit/record-audit';
import { sentWithoutPassword } from '../domain/outbox/spent-passwords';
import { deliveryFailureReason } from './failure-reason';
import type { DeliveryError } from './transport';
import { inTransaction } from '../domain/transaction';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** Wait before the second try; doubles on each further try. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Wait after the n-th failed try (n ≥ 1): base · 2^(n−1), capped. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy): number {
  const delay = policy.retryBaseMs * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(delay, policy.retryMaxMs);
}

export async function markSent(
  db: Kysely<Database>,
  message: OutboxMessageRow,
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({
      status: 'sent',
      sent_at: isoNow(now),
      attempts: message.attempts + 1,
      claimed_until: null,
      next_attempt_at: null,
      last_error: null,
      // A sent message no longer needs to carry its password.
      ...sentWithoutPassword,
    })
    .where('id', '=', message.id)
    .where('status', '=', 'queued')
    .execute();
}

/** Returns 'retry' or 'failed' (the final state of this try). */
export async function markAttemptFailed(
  db: Kysely<Database>,
  message: OutboxMessageRow,
  error: DeliveryError,
  policy: RetryPolicy,
  now: Date,
): Promise<'retry' | 'failed'> {
  const attempts = message.attempts + 1;
  const lastError = error.message.slice(0, 1000);
  if (!error.permanent && attempts < policy.maxAttempts) {
    const next = new Date(now.getTime() + retryDelayMs(attempts, policy));
    await db
      .updateTable('outbox_messages')
      .set({ attempts, next_attempt_at: isoNow(next), claimed_until: null, last_error: lastError })
      .where('id', '=', message.id)
      .where('status', '=', 'queued')
      .execute();
    return 'retry';
  }
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('outbox_messages')
      .set({
        status: 'failed',
        attempts,
        claimed_until: null,
        next_attempt_at: null,
        last_error: lastError,
        failure_reason: deliveryFailureReason(lastError),
      })
      .where('id', '=', message.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0 || message.account_id === null) return;
    const flipped = await trx
      .updateTable('accounts')
      .set({ status: 'invitation_failed', updated_at: isoNow(now) })
      .where('id', '=', message.account_id)
      .where('status', '=', 'invited')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('outbox_messages as newer')
              .select('newer.id')
              .where('newer.account_id', '=', message.account_id)
              .where('newer.seq', '>', message.seq),
          ),
        ),
      )
      .executeTakeFirst();
    if (Number(flipped.numUpdatedRows) === 0) return;
    await recordAudit(trx, {
      actor: null,
      organizationId: message.organization_id,
      action: 'account.invitation_failed',
      targetType: 'account',
      targetId: message.account_id,
      details: { messageId: message.id, channel: message.channel, attempts, error: lastError },
      at: now,
    });
  });
  return 'failed';
}
