// Import jobs as stored and as the API shows them, and finding one inside the caller's subtree.
import type { Kysely, Transaction } from 'kysely';
import type { ImportJob, ImportListQuery } from '../../../common/api/imports';
import type { Paged } from '../../../common/api/paging';
import type { Application } from '../../../common/api/accounts';
import type { Database } from '../../db/schema';
import type { ImportJobsTable, ImportTables } from '../../db/schema-imports';
import { isSet, parseJson } from '../../db/values';
import { success, type Outcome } from '../outcome';
import { paginate } from '../paging';
import { type Scope, inSubtree, listScope } from '../scope';

export type ImportsDb = Kysely<Database & ImportTables> | Transaction<Database & ImportTables>;

/** The service's database with the import tables in view. */
export function importsDb(db: Kysely<Database> | Transaction<Database>): ImportsDb {
  return db.withTables<ImportTables>();
}

export function toImportJob(row: ImportJobsTable): ImportJob {
  return {
    id: row.id,
    organizationId: row.organization_id,
    status: row.status,
    invite: isSet(row.invite),
    fileName: row.file_name,
    rowCount: row.row_count,
    counts: {
      created: Number(row.created_count),
      invalid: Number(row.invalid_count),
      duplicate: Number(row.duplicate_count),
      invited: Number(row.invited_count),
    },
    createdAt: row.created_at,
    completedAt: row.completed_at,
    applications: parseJson<Application[]>(row.applications, ['MultiLine']),
    permissionProfileId: row.permission_profile_id,
    chunksReceived: Number(row.chunks_received),
  };
}

/**
 * The job when its organization is inside the scope (else undefined: the caller answers 404).
 * `forUpdate` locks the job row on PostgreSQL so concurrent completes run one after the other.
 */
export async function findJobInScope(
  db: ImportsDb,
  scope: Pick<Scope, 'path'>,
  jobId: string,
  options: { forUpdate?: boolean; postgres?: boolean } = {},
): Promise<ImportJobsTable | undefined> {
  let query = inSubtree(
    db
      .selectFrom('import_jobs')
      .innerJoin('organizations', 'organizations.id', 'import_jobs.organization_id')
      .selectAll('import_jobs')
      .where('import_jobs.id', '=', jobId),
    'organizations.path',
    scope.path,
  );
  if (options.forUpdate && options.postgres) query = query.forUpdate('import_jobs');
  return query.executeTakeFirst();
}

/** Import history of the scope (or of one organization, with its sub-organizations on request). */
export async function listImportJobs(
  db: Kysely<Database>,
  scope: Scope,
  query: ImportListQuery & { includeSubOrganizations?: boolean | undefined },
): Promise<Outcome<Paged<ImportJob>>> {
  const organizations = await listScope(db, scope, query);
  if (!organizations.ok) return organizations;
  const jobs = importsDb(db)
    .selectFrom('import_jobs')
    .selectAll()
    .where('organization_id', 'in', organizations.value)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  return success(await paginate(jobs, query, toImportJob));
}
