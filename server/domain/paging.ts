// Paged lists: runs a Kysely select for one page plus its total count and wraps
// the answer as {items, total, page, pageSize}.
import type { SelectQueryBuilder } from 'kysely';
import type { Paged, PageQuery } from '../../common/api/paging';
import { toCount } from '../db/values';

export function pageBounds(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/**
 * One page of `base` (which must already carry its ORDER BY) mapped through `toItem`, with the
 * total number of rows matched. Both queries run on the same executor (a transaction if given).
 * The total is `count(*)` over base's FROM/WHERE, so base must not GROUP BY or select DISTINCT.
 */
export async function paginate<DB, TB extends keyof DB, Row, Item>(
  base: SelectQueryBuilder<DB, TB, Row>,
  query: PageQuery,
  toItem: (row: Row) => Item,
): Promise<Paged<Item>> {
  const { limit, offset } = pageBounds(query);
  const rows = await base.limit(limit).offset(offset).execute();
  const counted = (await base
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst()) as { total?: unknown } | undefined;
  return {
    items: rows.map(toItem),
    total: toCount(counted?.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Wraps an already computed list (small lists filtered in memory). */
export function pageOf<Item>(all: Item[], query: PageQuery): Paged<Item> {
  const { limit, offset } = pageBounds(query);
  return {
    items: all.slice(offset, offset + limit),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
