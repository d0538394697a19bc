// The status chips' counts: the grid's filters (organization, sub-organizations, text) without the
// status filter, answered by ONE grouped query so the chips never disagree with each other.
import {
  accountStatuses,
  type AccountCounts,
  type AccountCountsQuery,
} from '../../../common/api/accounts';
import { type Db } from '../organization-context';
import { type Scope } from '../scope';
import { success, type Outcome } from '../outcome';
import { storedStatusCounts } from './account-counts';
import { coverageOf, filteredAccounts } from './list-accounts';

/** Accounts per status (every status present, zero when none) and their total; 404 outside the scope. */
export async function countAccounts(
  db: Db,
  scope: Scope,
  query: AccountCountsQuery,
): Promise<Outcome<AccountCounts>> {
  const filtered = await filteredAccounts(db, scope, query);
  if (!filtered.ok) return filtered;
  if (!query.q?.trim() && !query.dateField) {
    // Without a text search or a time window: the counts the database keeps (migration 007).
    const byStatus = await storedStatusCounts(db, await coverageOf(db, scope, query));
    const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    return success({ total, byStatus });
  }
  const rows = await filtered.value
    .clearSelect()
    .select((eb) => ['accounts.status', eb.fn.countAll().as('count')])
    .groupBy('accounts.status')
    .execute();
  const byStatus = Object.fromEntries(accountStatuses.map((status) => [status, 0])) as Record<
    (typeof accountStatuses)[number],
    number
  >;
  let total = 0;
  for (const row of rows) {
    // PostgreSQL answers count(*) as a bigint string, SQLite as a number.
    const count = Number(row.count);
    byStatus[row.status] = count;
    total += count;
  }
  return success({ total, byStatus });
}
