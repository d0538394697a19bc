// A password stays in an invitation message only while it is still needed: once the message is
// sent, its invitation superseded by a resend or expired, the account activated, or the
// administrator's own password set, the stored text says `[removed]` instead.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export const removedPassword = '[removed]';

type Outbox = ExpressionBuilder<Database, 'outbox_messages'>;

const withoutPassword = {
  body: sql<string>`replace(body, secret, ${removedPassword})`,
  subject: sql<string | null>`replace(subject, secret, ${removedPassword})`,
  secret: null,
};

/** Every message of these accounts (their invitation was superseded, or they activated). */
export async function removeAccountPasswords(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<void> {
  if (accountIds.length === 0) return;
  await db
    .updateTable('outbox_messages')
    .set(withoutPassword)
    .where('account_id', 'in', accountIds)
    .where('secret', 'is not', null)
    .execute();
}

/** Every message to the administrator (resent, reset, or own password set). */
export async function removeAdministratorPasswords(
  db: Kysely<Database>,
  administratorId: string,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set(withoutPassword)
    .where('administrator_id', '=', administratorId)
    .where('secret', 'is not', null)
    .execute();
}

/**
 * Set together with a message's `sent` status, in the same statement: its password, if it carried
 * one, removed (`replace` with no secret is null, so the text stays as it was).
 */
export const sentWithoutPassword = {
  body: sql<string>`coalesce(replace(body, secret, ${removedPassword}), body)`,
  subject: sql<string | null>`coalesce(replace(subject, secret, ${removedPassword}), subject)`,
  secret: null,
};

/** Catches up on everything spent, expiry included (run before the outbox is read). */
export async function removeSpentPasswords(db: Kysely<Database>, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('outbox_messages')
    .set(withoutPassword)
    .where('secret', 'is not', null)
    .where((eb: Outbox) =>
      eb.or([
        eb('status', '=', 'sent'),
        eb.exists(
          eb
            .selectFrom('invitations as i')
            .select('i.id')
            .whereRef('i.id', '=', 'outbox_messages.invitation_id')
            .where((inner) =>
              inner.or([inner('i.superseded_at', 'is not', null), inner('i.expires_at', '<=', at)]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('accounts as a')
            .select('a.id')
            .whereRef('a.id', '=', 'outbox_messages.account_id')
            .where('a.status', '=', 'activated'),
        ),
        eb.exists(
          eb
            .selectFrom('administrators as d')
            .select('d.id')
            .whereRef('d.id', '=', 'outbox_messages.administrator_id')
            .where('d.password_hash', 'is not', null),
        ),
      ]),
    )
    .execute();
}
