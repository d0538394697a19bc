// A page of the grid in its default order (status first) without reading every account before it:
// the counts kept per status (migration 007) say which statuses the page falls in, and each of
// those is walked through the order's index from whichever of its ends is nearer.
import { sql } from 'kysely';
import {
  accountStatuses,
  defaultStatusOrder,
  type AccountStatus,
  type ListAccountsQuery,
} from '../../../common/api/accounts';
import type { AccountFilter } from './list-accounts';

type Direction = 'asc' | 'desc';

/** A status's part of the list: the rows [from, to) of `count`, read as `direction` orders them. */
async function sliceOfStatus(
  filter: AccountFilter,
  rank: number,
  direction: Direction,
  slice: { from: number; to: number; count: number },
): Promise<string[]> {
  // Nearer the end: walk backwards (the exact reverse, as every tie-break column is NOT NULL).
  const backwards = slice.from > slice.count - slice.to;
  const walk: Direction = backwards === (direction === 'asc') ? 'desc' : 'asc';
  const rows = await filter.base
    .where(sql.ref<number>('accounts.status_rank'), '=', rank)
    .clearSelect()
    .select('accounts.id')
    .orderBy('accounts.last_name', walk)
    .orderBy('accounts.first_name', walk)
    .orderBy('accounts.id', walk)
    .limit(slice.to - slice.from)
    .offset(backwards ? slice.count - slice.to : slice.from)
    .execute();
  const ids = rows.map((row) => row.id);
  return backwards ? ids.reverse() : ids;
}

/**
 * The ids of the page asked for in status order (default, or `status:` either way), given the
 * accounts per status that `filter` matches. One status per rank: the order index leads with the
 * rank, so the offset within one status is all an index walk has to skip.
 */
export async function statusOrderPageIds(
  filter: AccountFilter,
  query: ListAccountsQuery,
  counts: Record<AccountStatus, number>,
): Promise<string[]> {
  const direction: Direction = query.sort?.direction ?? 'asc';
  const wanted: readonly AccountStatus[] =
    query.status && query.status.length > 0 ? query.status : accountStatuses;
  const ranked = defaultStatusOrder
    .map((status, rank) => ({ status, rank }))
    .filter(({ status }) => wanted.includes(status));
  if (direction === 'desc') ranked.reverse();
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  const ids: string[] = [];
  let before = 0;
  for (const { status, rank } of ranked) {
    const count = counts[status];
    const from = Math.max(start, before) - before;
    const to = Math.min(end, before + count) - before;
    if (from < to) ids.push(...(await sliceOfStatus(filter, rank, direction, { from, to, count })));
    before += count;
    if (before >= end) break;
  }
  return ids;
}

/** True when every status has a rank of its own, which statusOrderPageIds relies on. */
export const everyStatusRanked = accountStatuses.every((status) =>
  defaultStatusOrder.includes(status),
);
