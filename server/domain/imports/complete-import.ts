// Completes an import job. With `invite`, every account the job created that is still Not Invited
// is invited through the accounts domain in batches, each its own short transaction (100,000
// accounts never sit in one array, one statement or one transaction holding the writer):
// - first the capacity rule for the whole job (counted chunk by chunk): a 409 NOT_ENOUGH_NUMBERS leaves
//   every account Not Invited and the job open;
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

/** The job's created accounts still Not Invited, in row order. */
function notInvitedOfJob(db: ImportsDb, jobId: string) {
  return db
    .selectFrom('import_rows')
    .innerJoin('accounts', 'accounts.id', 'import_rows.account_id')
    .where('import_rows.job_id', '=', jobId)
    .where('import_rows.outcome', '=', 'created')
    .where('accounts.status', '=', 'not_invited');
}

/**
 * Accounts per organization the job still has to invite without a number, counted chunk by chunk:
 * a chunk's created rows, then their accounts by id. One grouped query joining the whole job to
 * accounts was planned as a nested loop on PostgreSQL right after a large import, before its
 * statistics were gathered: 50 million comparisons (11 s) for 10,000 rows, growing with the square.
 */
async function neededNumbers(db: ImportsDb, jobId: string): Promise<Map<string, number>> {
  const needed = new Map<string, number>();
  const chunks = await db
    .selectFrom('import_chunks')
    .select('chunk_index')
    .where('job_id', '=', jobId)
    .orderBy('chunk_index')
    .execute();
  for (const { chunk_index: chunkIndex } of chunks) {
    const rows = await db
      .selectFrom('import_rows')
      .select('account_id')
      .where('job_id', '=', jobId)
      .where('chunk_index', '=', chunkIndex)
      .where('outcome', '=', 'created')
      .execute();
    const ids = rows.flatMap((row) => (row.account_id === null ? [] : [row.account_id]));
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

/** One batch: the next Not Invited accounts after `cursor` invited, counted on the job. */
async function inviteBatch(
  trx: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  cursor: Cursor | null,
  postgres: boolean,
): Promise<Outcome<Step>> {
  const db = importsDb(trx);
  const job = await findJobInScope(db, context.scope, jobId, { forUpdate: true, postgres });
  if (!job) return notFoundFailure('That import');
  if (job.status !== 'open') return success({ done: job });
  let query = notInvitedOfJob(db, jobId);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('import_rows.chunk_index', '>', cursor.chunkIndex),
        eb.and([
          eb('import_rows.chunk_index', '=', cursor.chunkIndex),
          eb('import_rows.position', '>', cursor.position),
        ]),
      ]),
    );
  }
  const batch = await query
    .select(['accounts.id', 'import_rows.chunk_index', 'import_rows.position'])
    .orderBy('import_rows.chunk_index')
    .orderBy('import_rows.position')
    .limit(inviteBatchSize)
    .execute();
  if (batch.length === 0) return success({ next: null });
  const outcome = await inviteAccounts(
    trx,
    context,
    batch.map((row) => row.id),
  );
  if (!outcome.ok) return outcome;
  const invited = outcome.value.results.filter((result) => result.ok).length;
  await db
    .updateTable('import_jobs')
    .set((eb) => ({ invited_count: eb('invited_count', '+', invited) }))
    .where('id', '=', jobId)
    .execute();
  const last = batch.at(-1)!;
  return success({ next: { chunkIndex: last.chunk_index, position: last.position } });
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
    let cursor: Cursor | null = null;
    for (;;) {
      const step = await inTransaction(db, (trx) =>
        inviteBatch(trx, context, jobId, cursor, postgres),
      );
      if (!step.ok) return step;
      if ('done' in step.value) return success(toImportJob(step.value.done));
      if (step.value.next === null) break;
      cursor = step.value.next;
    }
  }
  return inTransaction(db, (trx) => finish(trx, context, jobId, postgres));
}
