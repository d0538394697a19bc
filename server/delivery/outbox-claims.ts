// Claims queued outbox messages that are due, so that several workers (or service instances on one
// PostgreSQL) never work the same message at once. A claim lasts until `claimed_until`; a worker
// that dies mid-send simply lets it lapse and another worker retries the message later.
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database';
import type { Database, OutboxMessageRow } from '../db/schema';
import { isoNow } from '../db/values';
import type { DeliveryChannel } from './transport';
import { inTransaction } from '../domain/transaction';

export interface ClaimRequest {
  channels: readonly DeliveryChannel[];
  limit: number;
  now: Date;
  /** How long the claim keeps other workers away (must exceed a transport's timeout). */
  claimMs: number;
}

/** The due messages of the request, oldest first (exported for the query-plan test). */
export function dueMessages(db: Kysely<Database>, request: ClaimRequest) {
  const now = isoNow(request.now);
  return db
    .selectFrom('outbox_messages')
    .where('status', '=', 'queued')
    .where('channel', 'in', [...request.channels])
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('seq')
    .limit(request.limit);
}

/**
 * PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED inside a transaction, then mark the rows claimed;
 * rows another worker is claiming at that moment are skipped, not waited for.
 */
async function claimOnPostgres(
  db: Kysely<Database>,
  request: ClaimRequest,
): Promise<OutboxMessageRow[]> {
  const claimedUntil = isoNow(new Date(request.now.getTime() + request.claimMs));
  return inTransaction(db, async (trx) => {
    const rows = await dueMessages(trx, request).selectAll().forUpdate().skipLocked().execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('outbox_messages')
      .set({ claimed_until: claimedUntil })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => ({ ...row, claimed_until: claimedUntil }));
  });
}

/** SQLite has a single writer: one UPDATE … WHERE id IN (due) RETURNING claims atomically. */
async function claimOnSqlite(
  db: Kysely<Database>,
  request: ClaimRequest,
): Promise<OutboxMessageRow[]> {
  const claimedUntil = isoNow(new Date(request.now.getTime() + request.claimMs));
  const rows = await db
    .updateTable('outbox_messages')
    .set({ claimed_until: claimedUntil })
    .where('id', 'in', dueMessages(db, request).select('id'))
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Claims up to `limit` due messages of the given channels, oldest first. */
export async function claimDueMessages(
  db: Kysely<Database>,
  dialect: DialectName,
  request: ClaimRequest,
): Promise<OutboxMessageRow[]> {
  if (request.channels.length === 0 || request.limit <= 0) return [];
  return dialect === 'postgres' ? claimOnPostgres(db, request) : claimOnSqlite(db, request);
}
