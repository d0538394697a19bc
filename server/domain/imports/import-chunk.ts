// One chunk of an import: every row checked with the common CSV rules, then the chunk's accounts
// created set-based (chunk-accounts.ts), all in the caller's transaction (a chunk is all-or-nothing). The chunk's row in
// import_chunks is written first, so a chunk sent again — even at the same moment — is recognised
// and answered from the stored results, creating nothing twice.
import type {
  ImportChunkResult,
  ImportRowError,
  ImportRowInput,
} from '../../../common/api/imports';
import type { Application } from '../../../common/api/accounts';
import {
  checkImportRow,
  rowOutcomeOf,
  rowProblemMessage,
  type TemplateColumnKey,
  withoutNul,
} from '../../../common/csv';
import type { ImportJobsTable, ImportRowsTable } from '../../db/schema-imports';
import { isoNow, parseJson } from '../../db/values';
import type { AccountsContext } from '../accounts/account-context';
import { prepareOrganization } from '../accounts/create-account';
import type { Failure } from '../outcome';
import { visibleProfiles } from '../permission-profiles/permission-profiles';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { createChunkAccounts, type ChunkCandidate } from './chunk-accounts';
import { importsDb, type ImportsDb } from './import-job';

type RowResult = ImportChunkResult['results'][number];

/** Fields of the accounts domain's 422 answers → the template column they come from. */
const FIELD_COLUMNS: Record<string, TemplateColumnKey> = {
  firstName: 'firstName',
  lastName: 'lastName',
  contact: 'contact',
  linesAllowed: 'linesAllowed',
  permissionProfileId: 'permissionProfile',
  number: 'number',
};

/** A cell as sent, kept for results.csv (NUL removed: PostgreSQL text cannot hold it). */
const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : withoutNul(String(value));

/** The stored answer of a chunk received before, or null when it is new. */
export async function storedChunkResults(
  db: ImportsDb,
  jobId: string,
  index: number,
): Promise<ImportChunkResult | null> {
  const chunk = await db
    .selectFrom('import_chunks')
    .select('row_count')
    .where('job_id', '=', jobId)
    .where('chunk_index', '=', index)
    .executeTakeFirst();
  if (!chunk) return null;
  const rows = await db
    .selectFrom('import_rows')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('chunk_index', '=', index)
    .orderBy('position')
    .execute();
  return { results: rows.map(toRowResult) };
}

export function toRowResult(row: ImportRowsTable): RowResult {
  const errors = parseJson<ImportRowError[]>(row.errors, []);
  return {
    rowNumber: row.row_number,
    outcome: row.outcome,
    ...(row.account_id ? { accountId: row.account_id } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Turns a refusal of the accounts domain into the row's outcome and messages. */
function refusedRow(
  rowNumber: number,
  refusal: Failure,
  earlierRow: number | undefined,
): Pick<RowResult, 'outcome' | 'errors'> {
  const at = (column: TemplateColumnKey | null, what: string): ImportRowError => ({
    column,
    message: column ? rowProblemMessage(rowNumber, column, what) : `Row ${rowNumber}: ${what}`,
  });
  switch (refusal.code) {
    case 'CONTACT_EXISTS': {
      const detail = refusal.details?.contact;
      const contact = typeof detail === 'string' ? detail : '';
      const what =
        earlierRow === undefined
          ? `${contact} already has an account.`
          : `${contact} is already on row ${earlierRow}.`;
      return { outcome: 'duplicate', errors: [at('contact', what)] };
    }
    case 'NUMBER_UNAVAILABLE':
    case 'NOT_ENOUGH_NUMBERS':
      return { outcome: 'invalid', errors: [at('number', refusal.message)] };
    case 'VALIDATION_FAILED': {
      const fields = (refusal.details?.fields ?? {}) as Record<string, string>;
      const errors = Object.entries(fields).map(([field, message]) =>
        at(FIELD_COLUMNS[field] ?? null, message),
      );
      return {
        outcome: 'invalid',
        errors: errors.length > 0 ? errors : [at(null, refusal.message)],
      };
    }
    default:
      return { outcome: 'invalid', errors: [at(null, refusal.message)] };
  }
}

export type ChunkApplication =
  | { kind: 'applied'; result: ImportChunkResult }
  /** The index was taken by an earlier or concurrent request: answer with the stored results. */
  | { kind: 'received-before' }
  | { kind: 'job-closed' };

/**
 * Applies a chunk inside `trx` (a transaction). The job row is locked first on PostgreSQL, so
 * the chunks of one job (and its completion) run one after the other, never interleaved.
 */
export async function applyImportChunk(
  trx: Kysely<Database>,
  context: AccountsContext,
  job: ImportJobsTable,
  index: number,
  rows: readonly ImportRowInput[],
  postgres: boolean,
): Promise<ChunkApplication> {
  const db = importsDb(trx);
  const now = isoNow(context.invitation.now);
  let current = db.selectFrom('import_jobs').select('status').where('id', '=', job.id);
  if (postgres) current = current.forUpdate();
  const locked = await current.executeTakeFirst();
  const claimed = await db
    .insertInto('import_chunks')
    .values({ job_id: job.id, chunk_index: index, row_count: rows.length, created_at: now })
    .onConflict((oc) => oc.columns(['job_id', 'chunk_index']).doNothing())
    .returning('chunk_index')
    .executeTakeFirst();
  if (!claimed) return { kind: 'received-before' };
  if (locked?.status !== 'open') return { kind: 'job-closed' };

  const prepared = await prepareOrganization(db, context, job.organization_id);
  if (!prepared.ok) throw new Error(`Import ${job.id}: its organization is no longer reachable.`);
  const { organization, settings } = prepared.value;
  // Nearest first: a sub-organization's profile wins over an inherited one of the same name.
  const profileIds = new Map<string, string>();
  const profileNames: string[] = [];
  for (const profile of await visibleProfiles(trx, organization)) {
    const key = profile.name.trim().toLowerCase();
    if (profileIds.has(key)) continue;
    profileIds.set(key, profile.id);
    profileNames.push(profile.name);
  }
  const applications = parseJson<Application[]>(job.applications, ['MultiLine']);
  // The job's profile was visible when the job opened; it may have been deleted since.
  const jobProfileVisible =
    job.permission_profile_id === null ||
    [...profileIds.values()].includes(job.permission_profile_id);

  const results = new Array<RowResult>(rows.length);
  const candidates: ChunkCandidate[] = [];
  const candidatePositions: number[] = [];
  for (const [position, input] of rows.entries()) {
    const check = checkImportRow(input.rowNumber, input, {
      maxLinesAllowed: settings.maxLinesAllowed,
      permissionProfileNames: profileNames,
    });
    if (!check.ok) {
      results[position] = {
        rowNumber: input.rowNumber,
        outcome: rowOutcomeOf(check.problems),
        errors: check.problems.map(({ column, message }) => ({ column, message })),
      };
      continue;
    }
    const row = check.row;
    const named = row.permissionProfile
      ? (profileIds.get(row.permissionProfile.trim().toLowerCase()) ?? null)
      : null;
    candidatePositions.push(position);
    candidates.push({
      rowNumber: input.rowNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      contact: row.contact,
      linesAllowed: row.linesAllowed,
      permissionProfileId: named ?? job.permission_profile_id,
      profileRefused: named === null && !jobProfileVisible,
      number: row.number,
    });
  }
  const outcomes = await createChunkAccounts(
    trx,
    context,
    prepared.value,
    job.id,
    applications,
    candidates,
  );
  for (const [i, outcome] of outcomes.entries()) {
    const position = candidatePositions[i]!;
    const rowNumber = rows[position]!.rowNumber;
    results[position] = outcome.created
      ? { rowNumber, outcome: 'created', accountId: outcome.accountId }
      : { rowNumber, ...refusedRow(rowNumber, outcome.refusal, outcome.earlierRow) };
  }

  const stored: ImportRowsTable[] = rows.map((input, position) => {
    const result = results[position]!;
    return {
      job_id: job.id,
      chunk_index: index,
      position,
      row_number: input.rowNumber,
      outcome: result.outcome,
      account_id: result.accountId ?? null,
      errors: JSON.stringify(result.errors ?? []),
      first_name: text(input.firstName),
      last_name: text(input.lastName),
      contact: text(input.contact),
      lines_allowed: text(input.linesAllowed),
      permission_profile: text(input.permissionProfile),
      number: text(input.number),
    };
  });

  for (let start = 0; start < stored.length; start += 500) {
    await db
      .insertInto('import_rows')
      .values(stored.slice(start, start + 500))
      .execute();
  }
  const count = (outcome: ImportRowsTable['outcome']) =>
    stored.filter((row) => row.outcome === outcome).length;
  await db
    .updateTable('import_jobs')
    .set((eb) => ({
      created_count: eb('created_count', '+', count('created')),
      invalid_count: eb('invalid_count', '+', count('invalid')),
      duplicate_count: eb('duplicate_count', '+', count('duplicate')),
      chunks_received: eb('chunks_received', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', job.id)
    .execute();
  return { kind: 'applied', result: { results: stored.map(toRowResult) } };
}
