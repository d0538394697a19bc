// Completes an import job, synchronously. With `invite`, every account the job created that is
// still Not Invited is invited through the accounts domain (capacity rule, all or nothing) in the
// same transaction as the job's status change: a 409 NOT_ENOUGH_NUMBERS leaves every account Not
// Invited and the job open, and a second call (even a concurrent one, which waits for the job row
// lock on PostgreSQL or the single writer on SQLite) finds the job completed and invites nobody.
import type { Kysely } from 'kysely';
import type { ImportJob } from '../../../common/api/imports';
import type { Database } from '../../db/schema';
import { isSet, isoNow } from '../../db/values';
import type { AccountsContext } from '../accounts/account-context';
import { inviteAccounts } from '../accounts/invite-accounts';
import { recordAudit } from '../audit/record-audit';
import { notFoundFailure, success, type Outcome } from '../outcome';
import { findJobInScope, importsDb, toImportJob } from './import-job';

export async function completeImport(
  trx: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  postgres: boolean,
): Promise<Outcome<ImportJob>> {
  const db = importsDb(trx);
  const job = await findJobInScope(db, context.scope, jobId, { forUpdate: true, postgres });
  if (!job) return notFoundFailure('That import');
  if (job.status !== 'open') return success(toImportJob(job));

  let invited = 0;
  if (isSet(job.invite)) {
    const created = await db
      .selectFrom('import_rows')
      .innerJoin('accounts', 'accounts.id', 'import_rows.account_id')
      .select('accounts.id')
      .where('import_rows.job_id', '=', job.id)
      .where('import_rows.outcome', '=', 'created')
      .where('accounts.status', '=', 'not_invited')
      .orderBy('import_rows.chunk_index')
      .orderBy('import_rows.position')
      .execute();
    if (created.length > 0) {
      const outcome = await inviteAccounts(
        trx,
        context,
        created.map((row) => row.id),
      );
      if (!outcome.ok) return outcome;
      invited = outcome.value.results.filter((result) => result.ok).length;
    }
  }
  const now = isoNow(context.invitation.now);
  await db
    .updateTable('import_jobs')
    .set({ status: 'completed', completed_at: now, updated_at: now, invited_count: invited })
    .where('id', '=', job.id)
    .execute();
  await recordAudit(trx, {
    actor: context.actor,
    action: 'import.completed',
    targetType: 'import',
    targetId: job.id,
    organizationId: job.organization_id,
    details: { invited },
  });
  return success(
    toImportJob({
      ...job,
      status: 'completed',
      completed_at: now,
      updated_at: now,
      invited_count: invited,
    }),
  );
}
