// Accounts per organization and status as kept by the database (migration 007): the grid's totals
// and status counts without counting the accounts themselves.
import { sql, type Kysely } from 'kysely';
import { accountStatuses, type AccountStatus } from '../../../common/api/accounts';
import type { Database } from '../../db/schema';
import type { Db } from '../organization-context';
import { inSubtree } from '../scope';

interface AccountCountsTable {
  organization_id: string;
  status: string;
  account_count: number;
}

const countsDb = (db: Db) => db.withTables<{ account_counts: AccountCountsTable }>();

/** Which organizations' accounts: one organization, or a whole subtree by its path. */
export type Coverage = { organizationId: string } | { path: string } | { none: true };

/** Accounts per status in the covered organizations; every status present, zero when none. */
export async function storedStatusCounts(
  db: Db,
  coverage: Coverage,
): Promise<Record<AccountStatus, number>> {
  let query = countsDb(db)
    .selectFrom('account_counts')
    .innerJoin('organizations', 'organizations.id', 'account_counts.organization_id')
    .select(['account_counts.status', sql<number>`sum(account_counts.account_count)`.as('count')])
    .groupBy('account_counts.status');
  if ('none' in coverage) query = query.where(sql.lit(false));
  else if ('organizationId' in coverage)
    query = query.where('account_counts.organization_id', '=', coverage.organizationId);
  else query = inSubtree(query, 'organizations.path', coverage.path);
  const rows = await query.execute();
  const byStatus = Object.fromEntries(accountStatuses.map((status) => [status, 0])) as Record<
    AccountStatus,
    number
  >;
  for (const row of rows)
    if (row.status in byStatus) byStatus[row.status as AccountStatus] = Number(row.count);
  return byStatus;
}

/** Recounts every organization's accounts (after a bulk load that ran without the triggers). */
export async function rebuildAccountCounts(db: Kysely<Database>): Promise<void> {
  await countsDb(db).deleteFrom('account_counts').execute();
  await sql`insert into account_counts (organization_id, status, account_count)
    select organization_id, status, count(*) from accounts
    group by organization_id, status`.execute(db);
}
