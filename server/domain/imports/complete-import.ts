// Completes an import job. With `invite`, every account the job created that is still Not Invited
// is invited through the accounts domain in batches, each its own short transaction (100,000
// accounts never sit in one array, one statement or one transaction holding the writer):
// - first the capacity rule for the whole job (counted chunk by chunk): a 409 NOT_ENOUGH_NUMBERS
//   leaves every account Not Invited and the job open;
// - each batch locks the job row (PostgreSQL; SQLite has one writer), stops if the job is no longer
//   open, invites the next Not Invited accounts and adds them to the job's invited count;
// - once none is left, the job is marked completed. A concurrent call invites other batches or
//   finds the job completed; a call after a crash carries on where the batches stopped.
import type { Kysely } from 'kysely';
import type { ImportJob } from '../../../common/api/imports';
import type { Database } from '../../db/schema';
import type { ImportJobsTable } from '../../db/schema-imports';
import { isSet, isoNow } from '../../db/values';
import type { AccountsContext } from '../accounts/account-context';
import { notEnoughNumbers } from '../accounts/account-rules';
import { inviteAccounts } from '../accounts/invite-accounts';
import { recordAudit } from '../audit/record-audit';
import { computeCapacities } from '../capacity';
import { lockOrganizations } from '../organization-context';
import { notFoundFailure, success, type Outcome } from '../outcome';
import { inTransaction } from '../transaction';
import { findJobInScope, importsDb, toImportJob, type ImportsDb } from './import-job';

/** Accounts invited per transaction: bounded memory, statements and writer time. */
export const inviteBatchSize = 500;

/** Where the previous batch ended, in the job's row order. */
interface Cursor {
  chunkIndex: number;
  position: number;
}

/** The indexes of the job's received chunks, in order (a few numbers per thousand rows). */
async function chunkIndexes(db: ImportsDb, jobId: string): Promise<number[]> {
  const chunks = await db
    .selectFrom('import_chunks')
    .select('chunk_index')
    .where('job_id', '=', jobId)
    .orderBy('chunk_index')
    .execute();
  return chunks.map((chunk) => chunk.chunk_index);
}

/**
 * A chunk's created rows, in the primary key's order: SQLite then reads the chunk through that key
 * rather than every created row of the job through (job, outcome).
 */
function createdRowsOfChunk(db: ImportsDb, jobId: string, chunkIndex: number) {
  return db
    .selectFrom('import_rows')
    .where('job_id', '=', jobId)
    .where('chunk_index', '=', chunkIndex)
    .where('outcome', '=', 'created')
    .orderBy('position');
}

/** The accounts rows created (a created row always names its account). */
const accountIdsOf = (rows: { account_id: string | null }[]): string[] =>
  rows.flatMap((row) => (row.account_id === null ? [] : [row.account_id]));

/**
 * The accounts of the job's next created rows after `cursor`, from one chunk, found through the
 * rows' primary key alone: a join to the accounts (to skip the invited ones) was planned on
 * PostgreSQL from statistics not yet gathered after the import, reading every earlier row again.
 * Accounts that are no longer Not Invited get a per-account result from inviteAccounts instead.
 */
async function nextRows(
  db: ImportsDb,
  jobId: string,
  chunks: readonly number[],
  cursor: Cursor | null,
): Promise<{ accountIds: string[]; next: Cursor } | null> {
  const from = cursor === null ? 0 : chunks.indexOf(cursor.chunkIndex);
  for (const chunkIndex of chunks.slice(Math.max(from, 0))) {
    const after = cursor?.chunkIndex === chunkIndex ? cursor.position : -1;
    const rows = await createdRowsOfChunk(db, jobId, chunkIndex)
      .select(['account_id', 'position'])
      .where('position', '>', after)
      .limit(inviteBatchSize)
      .execute();
    if (rows.length === 0) continue;
    return {
      accountIds: accountIdsOf(rows),
      next: { chunkIndex, position: rows.at(-1)!.position },
    };
  }
  return null;
}

/**
 * Accounts per organization the job still has to invite without a number, counted chunk by chunk:
 * a chunk's created rows, then their accounts by id. One grouped query joining the whole job to
 * accounts was planned as a nested loop on PostgreSQL right after a large import, before its
 * statistics were gathered: 50 million comparisons (11 s) for 10,000 rows, growing with the square.
 */
async function neededNumbers(db: ImportsDb, jobId: string): Promise<Map<string, number>> {
  const needed = new Map<string, number>();
  for (const chunkIndex of await chunkIndexes(db, jobId)) {
    const rows = await createdRowsOfChunk(db, jobId, chunkIndex).select('account_id').execute();
    const ids = accountIdsOf(rows);
    if (ids.length === 0) continue;
    const accounts = await db
      .selectFrom('accounts')
      .select(['organization_id', 'status', 'number'])
      .where('id', 'in', ids)
      .execute();
    for (const account of accounts) {
      if (account.status !== 'not_invited' || account.number !== null) continue;
      needed.set(account.organization_id, (needed.get(account.organization_id) ?? 0) + 1);
    }
  }
  return needed;
}

/** The capacity rule over every account the job still has to invite (nothing invited on failure). */
async function checkCapacity(db: ImportsDb, jobId: string): Promise<Outcome<null>> {
  const needed = await neededNumbers(db, jobId);
  if (needed.size === 0) return success(null);
  await lockOrganizations(db, [...needed.keys()]);
  const capacities = await computeCapacities(db, [...needed.keys()]);
  for (const [organizationId, count] of [...needed].sort(([a], [b]) => a.localeCompare(b))) {
    const capacity = capacities.get(organizationId) ?? 0;
    if (count > capacity) return notEnoughNumbers(organizationId, count, capacity);
  }
  return success(null);
}

type Step = { done: ImportJobsTable } | { next: Cursor | null };

/** One batch: the accounts of the next rows after `cursor` invited, counted on the job. */
async function inviteBatch(
  trx: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  chunks: readonly number[],
  cursor: Cursor | null,
  postgres: boolean,
): Promise<Outcome<Step>> {
  const db = importsDb(trx);
  const job = await findJobInScope(db, context.scope, jobId, { forUpdate: true, postgres });
  if (!job) return notFoundFailure('That import');
  if (job.status !== 'open') return success({ done: job });
  const batch = await nextRows(db, jobId, chunks, cursor);
  if (batch === null) return success({ next: null });
  const outcome = await inviteAccounts(trx, context, batch.accountIds);
  if (!outcome.ok) return outcome;
  const invited = outcome.value.results.filter((result) => result.ok).length;
  await db
    .updateTable('import_jobs')
    .set((eb) => ({ invited_count: eb('invited_count', '+', invited) }))
    .where('id', '=', jobId)
    .execute();
  return success({ next: batch.next });
}

/** Marks the job completed (unless a concurrent call did) and audits it. */
async function finish(
  trx: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  postgres: boolean,
): Promise<Outcome<ImportJob>> {
  const db = importsDb(trx);
  const job = await findJobInScope(db, context.scope, jobId, { forUpdate: true, postgres });
  if (!job) return notFoundFailure('That import');
  if (job.status !== 'open') return success(toImportJob(job));
  const now = isoNow(context.invitation.now);
  await db
    .updateTable('import_jobs')
    .set({ status: 'completed', completed_at: now, updated_at: now })
    .where('id', '=', job.id)
    .execute();
  await recordAudit(trx, {
    actor: context.actor,
    action: 'import.completed',
    targetType: 'import',
    targetId: job.id,
    organizationId: job.organization_id,
    details: { invited: Number(job.invited_count) },
  });
  return success(toImportJob({ ...job, status: 'completed', completed_at: now, updated_at: now }));
}

/** Completes the job (inviting its accounts when it asks to); 404 outside the caller's scope. */
export async function completeImport(
  db: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  postgres: boolean,
): Promise<Outcome<ImportJob>> {
  type Start = { done: ImportJobsTable } | { invite: boolean };
  const checked = await inTransaction(db, async (trx): Promise<Outcome<Start>> => {
    const job = await findJobInScope(importsDb(trx), context.scope, jobId, {
      forUpdate: true,
      postgres,
    });
    if (!job) return notFoundFailure('That import');
    if (job.status !== 'open') return success({ done: job });
    if (!isSet(job.invite)) return success({ invite: false });
    const capacity = await checkCapacity(importsDb(trx), jobId);
    return capacity.ok ? success({ invite: true }) : capacity;
  });
  if (!checked.ok) return checked;
  if ('done' in checked.value) return success(toImportJob(checked.value.done));
  if (checked.value.invite) {
    let chunks = await chunkIndexes(importsDb(db), jobId);
    let cursor: Cursor | null = null;
    for (;;) {
      const step = await inTransaction(db, (trx) =>
        inviteBatch(trx, context, jobId, chunks, cursor, postgres),
      );
      if (!step.ok) return step;
      if ('done' in step.value) return success(toImportJob(step.value.done));
      if (step.value.next === null) {
        // A chunk stored meanwhile (the job is still open) is invited too.
        const now = await chunkIndexes(importsDb(db), jobId);
        if (now.length === chunks.length) break;
        chunks = now;
        continue;
      }
      cursor = step.value.next;
    }
  }
  return inTransaction(db, (trx) => finish(trx, context, jobId, postgres));
}
