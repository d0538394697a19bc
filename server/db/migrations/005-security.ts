// 005-security: an invitation message remembers its invitation and, while it is still needed, the
// password it carries, so that the password can be replaced by `[removed]` in the stored text once
// it is spent (sent, superseded, expired, account activated, administrator's own password set).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_messages').addColumn('invitation_id', 'text').execute();
  await db.schema.alterTable('outbox_messages').addColumn('secret', 'text').execute();
  // Only messages still carrying a password are ever searched by that column.
  await db.schema
    .createIndex('outbox_messages_secret')
    .on('outbox_messages')
    .column('invitation_id')
    .where(sql.ref('secret'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('outbox_messages_administrator')
    .on('outbox_messages')
    .column('administrator_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_messages_administrator').execute();
  await db.schema.dropIndex('outbox_messages_secret').execute();
  await db.schema.alterTable('outbox_messages').dropColumn('secret').execute();
  await db.schema.alterTable('outbox_messages').dropColumn('invitation_id').execute();
}
