// The accounts grid and its export: filters (organization and sub-organizations, statuses, text),
// sorting (default Activated > Invitation Failed > Invited > Not Invited) and paging.
import { SqliteAdapter, sql, type Expression, type SqlBool } from 'kysely';
import {
  accountStatuses,
  defaultStatusOrder,
  type AccountPage,
  type AccountStatus,
  type AccountSort,
  type AccountSortField,
  type ExportAccountsQuery,
  type ListAccountsQuery,
} from '../../../common/api/accounts';
import type { AccountRow } from '../../db/schema';
import { type Db } from '../organization-context';
import { organizationInScope, type Scope, inSubtree, subtreeIds } from '../scope';
import { notFoundFailure, success, type Outcome } from '../outcome';
import {
  containsDigits,
  containsSubstring,
  containsText,
  escapeLike,
  phoneDigitsPattern,
  searchFieldSeparator,
} from '../phone-search';
import { storedStatusCounts, type Coverage } from './account-counts';
import {
  containsLike,
  ftsMatch,
  matchCount,
  matchCountsByStatus,
  matchedAccounts,
  trigramSearchable,
} from './account-search-index';
import { toAccount } from './account-view';
import { everyStatusRanked, statusOrderPageIds } from './status-order-page';

const sortColumns: Record<Exclude<AccountSortField, 'status'>, keyof AccountRow> = {
  firstName: 'first_name',
  lastName: 'last_name',
  contact: 'contact',
  username: 'username',
  number: 'number',
  organizationId: 'organization_id',
  linesAllowed: 'lines_allowed',
  invitedAt: 'invited_at',
  activatedAt: 'activated_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/**
 * The default order's rank, derived by the database (migration 003: 0 = Activated). Not in the
 * Kysely schema, so that rows built by the write paths need not mention it.
 */
const statusRank = sql.ref<number>('accounts.status_rank');

/** The rank migration 003 derives for a status. */
function statusRankOf(status: AccountStatus): number {
  const rank = defaultStatusOrder.indexOf(status);
  return rank < 0 ? defaultStatusOrder.length : rank;
}

/** Sort columns that are never NULL: ordering them needs no NULLS LAST, so an index can serve it. */
const notNullSortFields: ReadonlySet<AccountSortField> = new Set([
  'firstName',
  'lastName',
  'contact',
  'username',
  'organizationId',
  'linesAllowed',
  'createdAt',
  'updatedAt',
]);

/** The original per-column search, kept for the (odd) query containing the field separator. */
function perColumnSearch(q: string, digits: string | null): Expression<SqlBool>[] {
  const matches: Expression<SqlBool>[] = [
    containsText('accounts.first_name', q),
    containsText('accounts.last_name', q),
    sql<SqlBool>`lower(${sql.ref('accounts.first_name')} || ' ' || ${sql.ref('accounts.last_name')}) like ${`%${escapeLike(q.toLowerCase())}%`} escape '\\'`,
    containsText('accounts.username', q),
    containsText('accounts.contact', q),
    containsText('accounts.number', q),
    containsText('accounts.personal_phone', q),
  ];
  if (digits) {
    matches.push(
      containsDigits('accounts.contact', digits),
      containsDigits('accounts.number', digits),
      containsDigits('accounts.personal_phone', digits),
    );
  }
  return matches;
}

/**
 * What the derived columns (migration 003) are searched for: search_text holds the lower-cased
 * "first last", username, contact, number and personal phone; phone_text the phone fields as
 * stored. A digits-only query is already matched by search_text (it holds the phone fields too).
 */
function searchTexts(q: string, digits: string | null): { lowered: string; phone: string | null } {
  const phone = digits && digits !== `%${q}%` ? digits.slice(1, -1) : null;
  return { lowered: q.toLowerCase(), phone };
}

/**
 * The same matches over the derived columns. On PostgreSQL texts of 3+ characters go through the
 * trigram indexes (migration 004); else a scan (on SQLite the index is chosen in textSearch).
 */
function derivedColumnSearch(
  q: string,
  digits: string | null,
  sqlite: boolean,
): Expression<SqlBool> {
  const { lowered, phone } = searchTexts(q, digits);
  const texts: [string, string][] = [['accounts.search_text', lowered]];
  if (phone) texts.push(['accounts.phone_text', phone]);
  const indexed = texts.every(([, text]) => trigramSearchable(text));
  if (indexed && !sqlite) return anyOf(texts.map(([column, text]) => containsLike(column, text)));
  return anyOf(texts.map(([column, text]) => containsSubstring(column, text, sqlite)));
}

/**
 * A search finding more accounts than this walks the order's index testing each row (a page needs
 * few rows when matches are dense); fewer are read through the FTS5 index and sorted.
 */
const broadSearch = 5_000;

/**
 * The `q` condition, and on SQLite the FTS5 MATCH that finds exactly the same accounts (migration
 * 008; null for texts under 3 characters or holding the field separator), which also counts them.
 */
async function textSearch(
  db: Db,
  q: string,
  sqlite: boolean,
): Promise<{ condition: Expression<SqlBool>; match: string | null }> {
  const digits = phoneDigitsPattern(q);
  if (q.includes(searchFieldSeparator))
    return { condition: anyOf(perColumnSearch(q, digits)), match: null };
  const scan = derivedColumnSearch(q, digits, sqlite);
  if (!sqlite) return { condition: scan, match: null };
  const { lowered, phone } = searchTexts(q, digits);
  const match = ftsMatch(lowered, phone);
  if (!match) return { condition: scan, match };
  const narrow = (await matchCount(db, match)) <= broadSearch;
  return { condition: narrow ? matchedAccounts(match) : scan, match };
}

/** `a or b or …` as one expression. */
function anyOf(matches: Expression<SqlBool>[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(matches, sql` or `)})`;
}

const dateColumns = {
  createdAt: 'accounts.created_at',
  invitedAt: 'accounts.invited_at',
  activatedAt: 'accounts.activated_at',
} as const;

/** A condition on an organization id column (of accounts, or of the search keys). */
type OrganizationCondition = (column: Expression<unknown>) => Expression<SqlBool>;

/**
 * The accounts a query asks for (no order, no paging); `inOrganizations` is its organization filter
 * as a condition on any organization id column, `match` its SQLite FTS5 search (see textSearch).
 */
export async function accountFilter(db: Db, scope: Scope, query: ExportAccountsQuery) {
  let base = db.selectFrom('accounts').selectAll('accounts');
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const q = query.q?.trim();
  const search = q ? await textSearch(db, q, sqlite) : null;
  // A text search the index cannot serve reads every row of the organization for its total
  // anyway: on SQLite a plain scan of the table does that faster than lookups through the
  // organization index (unary + skips it).
  const scanned = sqlite && search !== null && search.match === null;
  let inOrganizations: OrganizationCondition;
  let several = true;
  const one =
    (id: string): OrganizationCondition =>
    (column) =>
      sql<SqlBool>`${column} = ${id}`;
  const subtree = async (path: string): Promise<OrganizationCondition> => {
    const organizations = subtreeIds(db, path);
    const first2 = await organizations.limit(2).execute();
    // One organization: equality, served by the (organization, order…) index.
    if (first2.length === 1) {
      several = false;
      return one(first2[0]!.id);
    }
    return (column) => sql<SqlBool>`${column} in (${organizations})`;
  };
  if (query.organizationId !== undefined) {
    const organizationFound = await organizationInScope(db, scope, query.organizationId);
    if (!organizationFound.ok) return organizationFound;
    const organization = organizationFound.value;
    if (query.includeSubOrganizations) inOrganizations = await subtree(organization.path);
    else {
      several = false;
      inOrganizations = one(organization.id);
    }
  } else {
    inOrganizations = await subtree(scope.path);
  }
  // A subtree usually holds most accounts: SQLite (no statistics) would look them up by
  // organization and sort them all; unary + makes it walk the order's index instead and stop
  // after one page. PostgreSQL decides from its statistics.
  const column = sql.ref('accounts.organization_id');
  base = base.where(inOrganizations(sqlite && (several || scanned) ? sql`+${column}` : column));
  if (query.status && query.status.length > 0) {
    // The rank is derived from the status one to one, so filtering on it is the same filter, and
    // the order indexes lead with it. PostgreSQL gets the rank alone: both conditions together
    // looked 20 times rarer to its planner than they are, and it sorted every suspended account
    // instead of walking the index (1,000,000 accounts: 1.4 s for page 20).
    if (sqlite) base = base.where('accounts.status', 'in', query.status);
    base = base.where(statusRank, 'in', query.status.map(statusRankOf));
  }
  if (query.dateField) {
    const column = dateColumns[query.dateField];
    if (query.from) base = base.where(column, '>=', new Date(query.from).toISOString());
    if (query.to) base = base.where(column, '<', new Date(query.to).toISOString());
  }
  if (search) base = base.where(search.condition);
  return success({ base, inOrganizations, match: search?.match ?? null });
}

/** The filtered query (no order, no paging), or 404 when the organization filter is outside the scope. */
export async function filteredAccounts(db: Db, scope: Scope, query: ExportAccountsQuery) {
  const filter = await accountFilter(db, scope, query);
  return filter.ok ? success(filter.value.base) : filter;
}

type FilteredAccounts = Extract<
  Awaited<ReturnType<typeof filteredAccounts>>,
  { ok: true }
>['value'];

/**
 * Applies the requested order (stable: ties broken by name and id). A descending sort is the exact
 * reverse of the ascending one (ties too, accounts without the value still last), so one index per
 * column serves both directions (migration 008).
 */
export function orderAccounts(
  base: FilteredAccounts,
  sort: AccountSort | undefined,
): FilteredAccounts {
  const direction = sort?.direction ?? 'asc';
  let ordered = base;
  if (!sort || sort.field === 'status') {
    ordered = ordered.orderBy(statusRank, direction);
  } else if (sort.field === 'lastName') {
    // Already the tie-break order below (served by the accounts_name_order index).
  } else if (notNullSortFields.has(sort.field)) {
    ordered = ordered.orderBy(`accounts.${sortColumns[sort.field]}`, direction);
  } else {
    // NULLS LAST on both dialects, so accounts without a number or a date end the list either way.
    ordered = ordered.orderBy(`accounts.${sortColumns[sort.field]}`, (ob) =>
      direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    );
  }
  return ordered
    .orderBy('accounts.last_name', direction)
    .orderBy('accounts.first_name', direction)
    .orderBy('accounts.id', direction);
}

/**
 * The ids of a page in any order: found walking the order's index alone (its entries hold the
 * organization too), then only those rows are read — not every row OFFSET skips.
 */
async function pageIds(base: FilteredAccounts, query: ListAccountsQuery): Promise<string[]> {
  const rows = await orderAccounts(base, query.sort)
    .clearSelect()
    .select('accounts.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return rows.map((row) => row.id);
}

/** One page of the accounts grid. */
export async function listAccounts(
  db: Db,
  scope: Scope,
  query: ListAccountsQuery,
): Promise<Outcome<AccountPage>> {
  const filter = await accountFilter(db, scope, query);
  if (!filter.ok) return filter;
  const counts = await statusCountsOf(db, scope, query, filter.value);
  // Per status only without a search: a search's few matches are found through its own index
  // once, not once per status (SQLite would walk each status's part of the order index instead).
  const byStatus = !query.q?.trim() && (!query.sort || query.sort.field === 'status');
  const ids =
    counts && everyStatusRanked && byStatus
      ? await statusOrderPageIds(filter.value, query, counts)
      : await pageIds(filter.value.base, query);
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const total = await totalOf(query, filter.value, counts);
  return success({
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toAccount(row)] : [];
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  });
}

export type AccountFilter = Extract<
  Awaited<ReturnType<typeof accountFilter>>,
  { ok: true }
>['value'];

/** The list's total: kept counts without a search, the search index's counts, else counted. */
async function totalOf(
  query: ListAccountsQuery,
  filter: AccountFilter,
  counts: Record<AccountStatus, number> | null,
): Promise<number> {
  const statuses: readonly AccountStatus[] =
    query.status && query.status.length > 0 ? query.status : accountStatuses;
  if (counts) return statuses.reduce((total, status) => total + counts[status], 0);
  const row = await filter.base
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/**
 * Accounts per status without counting the accounts, or null when only counting can tell: the
 * counts the database keeps (migration 007) without a search, the search index's (008) with one.
 * The status filter is left to the caller; a time window always needs counting.
 */
export async function statusCountsOf(
  db: Db,
  scope: Scope,
  query: ExportAccountsQuery,
  filter: AccountFilter,
): Promise<Record<AccountStatus, number> | null> {
  if (query.dateField) return null;
  if (!query.q?.trim()) return storedStatusCounts(db, await coverageOf(db, scope, query));
  if (filter.match === null) return null;
  return matchCountsByStatus(db, filter.match, filter.inOrganizations);
}

/** The organizations a query covers: its organization (with its subtree if asked), or the scope's. */
export async function coverageOf(
  db: Db,
  scope: Scope,
  query: Pick<ListAccountsQuery, 'organizationId' | 'includeSubOrganizations'>,
): Promise<Coverage> {
  if (query.organizationId === undefined) return { path: scope.path };
  const found = await organizationInScope(db, scope, query.organizationId);
  if (!found.ok) return { none: true };
  const organization = found.value;
  return query.includeSubOrganizations
    ? { path: organization.path }
    : { organizationId: organization.id };
}

/** Reads one account in scope. */
export async function getAccount(db: Db, scope: Scope, id: string) {
  const row = await inSubtree(
    db
      .selectFrom('accounts')
      .innerJoin('organizations', 'organizations.id', 'accounts.organization_id')
      .selectAll('accounts')
      .where('accounts.id', '=', id),
    'organizations.path',
    scope,
  ).executeTakeFirst();
  return row ? success(toAccount(row)) : notFoundFailure('That account');
}
