// Receiving one chunk of an import: a chunk sent before is answered from its stored results; a new
// one is applied in its own transaction, tried again when PostgreSQL reports a deadlock or a
// serialization failure (safe: the chunk is all-or-nothing).
import type { Kysely } from 'kysely';
import type { ImportChunkResult, ImportRowInput } from '../../../common/api/imports';
import type { Database } from '../../db/schema';
import type { AccountsContext } from '../accounts/account-context';
import { failure, notFoundFailure, success, type Failure, type Outcome } from '../outcome';
import { inTransaction } from '../transaction';
import { applyImportChunk, storedChunkResults } from './import-chunk';
import { findJobInScope, importsDb } from './import-job';

const importNotOpen = (): Failure =>
  failure(
    'IMPORT_NOT_OPEN',
    'This import is already completed, so it takes no more rows. Start a new import for them.',
  );

/** PostgreSQL reports deadlocks and serialization failures; trying the chunk again is safe. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** The results of chunk `index` of the job: stored ones when it was received before. */
export async function receiveImportChunk(
  db: Kysely<Database>,
  context: AccountsContext,
  jobId: string,
  index: number,
  rows: readonly ImportRowInput[],
  postgres: boolean,
): Promise<Outcome<ImportChunkResult>> {
  const job = await findJobInScope(importsDb(db), context.scope, jobId);
  if (!job) return notFoundFailure('That import');
  const earlier = await storedChunkResults(importsDb(db), job.id, index);
  if (earlier) return success(earlier);
  if (job.status !== 'open') return importNotOpen();
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await inTransaction(db, async (trx) => {
        const outcome = await applyImportChunk(trx, context, job, index, rows, postgres);
        // A failure, so that the chunk's claim is rolled back too.
        return outcome.kind === 'job-closed' ? importNotOpen() : success(outcome);
      });
      if (!applied.ok) return applied;
      if (applied.value.kind === 'applied') return success(applied.value.result);
      const stored = await storedChunkResults(importsDb(db), job.id, index);
      if (stored) return success(stored);
      return failure('CONFLICT', 'This chunk is being stored right now; send it again.');
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}
