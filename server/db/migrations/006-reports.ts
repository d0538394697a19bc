// 006-reports: what the Reports need — organizations' followUpDays, the audit target's name as it
// was, a normalised delivery failure reason — and the indexes the summary's per-day counts use.
// SQLite and PostgreSQL alike.
import { sql, type Kysely } from 'kysely';

const indexes: [name: string, table: string, columns: string[]][] = [
  ['accounts_organization_created', 'accounts', ['organization_id', 'created_at']],
  ['accounts_organization_activated', 'accounts', ['organization_id', 'activated_at']],
  ['accounts_organization_status_invited', 'accounts', ['organization_id', 'status', 'invited_at']],
  ['invitations_created', 'invitations', ['created_at']],
  ['invitations_account_created', 'invitations', ['account_id', 'created_at']],
  ['outbox_messages_organization_created', 'outbox_messages', ['organization_id', 'created_at']],
  ['audit_events_actor', 'audit_events', ['actor_id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organization_settings')
    .addColumn('follow_up_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  await db.schema.alterTable('audit_events').addColumn('target_name', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('target_contact', 'text').execute();
  await db.schema.alterTable('outbox_messages').addColumn('failure_reason', 'text').execute();
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }

  // Earlier events get the names their targets have now (the best that is still known).
  await sql`update audit_events set
      target_name = (select a.first_name || ' ' || a.last_name from accounts a where a.id = audit_events.target_id),
      target_contact = (select a.contact from accounts a where a.id = audit_events.target_id)
    where target_type = 'account'`.execute(db);
  await sql`update audit_events set
      target_name = (select d.name from administrators d where d.id = audit_events.target_id),
      target_contact = (select d.email from administrators d where d.id = audit_events.target_id)
    where target_type = 'administrator'`.execute(db);
  await sql`update audit_events set
      target_name = (select o.name from organizations o where o.id = audit_events.target_id)
    where target_type = 'organization'`.execute(db);
  // Frozen, coarse copy of server/delivery/failure-reason.ts for messages that failed before.
  await sql`update outbox_messages set failure_reason = case
      when last_error like '%ECONNREFUSED%' or lower(last_error) like '%connection refused%' then 'connection_refused'
      when last_error like '%ETIMEDOUT%' or lower(last_error) like '%timed out%' or lower(last_error) like '%timeout%' then 'timeout'
      when last_error like '%ENOTFOUND%' then 'host_not_found'
      when last_error like '%EAUTH%' or last_error like '%535%' then 'auth_failed'
      when last_error like '%55_%' or lower(last_error) like '%recipient%' or lower(last_error) like '%mailbox%' then 'recipient_rejected'
      else 'other' end
    where status = 'failed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.alterTable('outbox_messages').dropColumn('failure_reason').execute();
  await db.schema.alterTable('audit_events').dropColumn('target_contact').execute();
  await db.schema.alterTable('audit_events').dropColumn('target_name').execute();
  await db.schema.alterTable('organization_settings').dropColumn('follow_up_days').execute();
}
