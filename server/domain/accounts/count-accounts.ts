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
import { accountFilter, statusCountsOf } from './list-accounts';

/** Accounts per status (every status present, zero when none) and their total; 404 outside the scope. */
export async function countAccounts(
  db: Db,
  scope: Scope,
  query: AccountCountsQuery,
): Promise<Outcome<AccountCounts>> {
  const filter = await accountFilter(db, scope, query);
  if (!filter.ok) return filter;
  // Counts kept by the database or its search index when they can tell (see statusCountsOf).
  const kept = await statusCountsOf(db, scope, query, filter.value);
  if (kept) {
    const total = Object.values(kept).reduce((sum, count) => sum + count, 0);
    return success({ total, byStatus: kept });
  }
  const rows = await filter.value.base
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
