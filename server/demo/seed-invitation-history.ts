// The invitation history behind the seeded accounts' `invited_at`: one invitation and its message
// per invited account, a resend for about one in eight, failed messages for failed invitations —
// so the Reports summary measures at size against the rows a real service would have written.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deliveryFailureReasons } from '../../common/api/reports';
import { isPostgres } from '../domain/organization-context';

/** About one account in eight (its id starts with 0 or 1) had its invitation resent three days later. */
const resent = sql.raw(`substr(a.id, 1, 1) in ('0', '1')`);
/** Plus three days, on either dialect (ISO text in, ISO text out). */
const threeDaysLater = (db: Kysely<Database>, column: string) =>
  isPostgres(db)
    ? sql.raw(
        `to_char((${column}::timestamptz + interval '3 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      )
    : sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '+3 days')`);

/** Whether seedInvitationHistory already ran on this database. */
export async function hasInvitationHistory(db: Kysely<Database>): Promise<boolean> {
  const found = await db
    .selectFrom('invitations')
    .select('id')
    .where('password_hash', '=', 'seeded')
    .limit(1)
    .execute();
  return found.length > 0;
}

/** Adds the invitations and outbox messages of every invited seeded account (run once, after them). */
export async function seedInvitationHistory(db: Kysely<Database>): Promise<void> {
  const resentAt = threeDaysLater(db, 'a.invited_at');
  const failedReason = sql.raw(
    `case ${deliveryFailureReasons
      .map(
        (reason, index) =>
          `when length(a.last_name) % ${deliveryFailureReasons.length} = ${index} then '${reason}'`,
      )
      .join(' ')} else 'other' end`,
  );
  await sql`insert into invitations (id, account_id, administrator_id, password_hash, expires_at,
      used_at, superseded_at, created_at)
    select 'seed-first-' || a.id, a.id, null, 'seeded', a.invited_at, a.activated_at,
      case when ${resent} then ${resentAt} end, a.invited_at
    from accounts a where a.invited_at is not null`.execute(db);
  await sql`insert into invitations (id, account_id, administrator_id, password_hash, expires_at,
      used_at, superseded_at, created_at)
    select 'seed-resent-' || a.id, a.id, null, 'seeded', ${resentAt}, null, null, ${resentAt}
    from accounts a where a.invited_at is not null and ${resent}`.execute(db);
  await sql`insert into outbox_messages (id, organization_id, channel, to_address, subject, body,
      account_id, administrator_id, status, attempts, created_at, sent_at, failure_reason)
    select 'seed-' || i.id, a.organization_id, a.contact_type, a.contact, null, 'seeded', a.id, null,
      case when a.status = 'invitation_failed' and i.superseded_at is null then 'failed' else 'sent' end,
      1, i.created_at, i.created_at,
      case when a.status = 'invitation_failed' and i.superseded_at is null then ${failedReason} end
    from invitations i join accounts a on a.id = i.account_id
    where i.password_hash = 'seeded'`.execute(db);
}
