// 010-outbox-queue-order: the outbox worker claims the oldest due messages (status queued, by seq)
// many times a second. With only (status, next_attempt_at) every claim collected and sorted all
// queued messages: 100,000 waiting invitations made each claim of 10 take ~50 ms on SQLite, most of
// the delivery time. (status, seq) hands them over in order; a claim stops after its few rows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('outbox_messages_queue')
    .on('outbox_messages')
    .columns(['status', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_messages_queue').execute();
}
