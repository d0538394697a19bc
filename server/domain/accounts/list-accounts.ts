// The accounts grid and its export: filters (organization and sub-organizations, statuses, text),
// sorting (default Activated > Invitation Failed > Invited > Not Invited) and paging.
import { sql, type Expression, type SqlBool } from 'kysely';
import {
  defaultStatusOrder,
  type AccountPage,
  type AccountSort,
  type AccountSortField,
  type ExportAccountsQuery,
  type ListAccountsQuery,
} from '../../../common/api/accounts';
import type { AccountRow } from '../../db/schema';
import { paginate } from '../../http/paging';
import { findOrganizationInScope, type Db, type Scope } from '../organization-context';
import { notFoundFailure, success, type Outcome } from '../outcome';
import { containsDigits, containsText, escapeLike, phoneDigitsPattern } from '../phone-search';
import { toAccount } from './account-view';

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

/** CASE expression ranking statuses in the grid's default order (0 = Activated). */
const statusRank = sql<number>`case ${sql.ref('accounts.status')} ${sql.join(
  defaultStatusOrder.map((status, rank) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`),
  sql` `,
)} else ${sql.lit(defaultStatusOrder.length)} end`;

/** The filtered query (no order, no paging), or 404 when the organization filter is outside the scope. */
export async function filteredAccounts(db: Db, scope: Scope, query: ExportAccountsQuery) {
  let base = db
    .selectFrom('accounts')
    .innerJoin('organizations', 'organizations.id', 'accounts.organization_id')
    .selectAll('accounts');
  if (query.organizationId !== undefined) {
    const organization = await findOrganizationInScope(db, scope, query.organizationId);
    if (!organization) return notFoundFailure('That organization');
    base = query.includeSubOrganizations
      ? base.where('organizations.path', 'like', `${organization.path}%`)
      : base.where('accounts.organization_id', '=', organization.id);
  } else {
    base = base.where('organizations.path', 'like', `${scope.path}%`);
  }
  if (query.status && query.status.length > 0)
    base = base.where('accounts.status', 'in', query.status);
  const q = query.q?.trim();
  if (q) {
    const digits = phoneDigitsPattern(q);
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
    base = base.where((eb) => eb.or(matches));
  }
  return success(base);
}

type FilteredAccounts = Extract<
  Awaited<ReturnType<typeof filteredAccounts>>,
  { ok: true }
>['value'];

/** Applies the requested order (stable: ties broken by name and id). */
export function orderAccounts(
  base: FilteredAccounts,
  sort: AccountSort | undefined,
): FilteredAccounts {
  const direction = sort?.direction ?? 'asc';
  let ordered = base;
  if (!sort || sort.field === 'status') {
    ordered = ordered.orderBy(statusRank, direction);
  } else {
    // NULLS LAST on both dialects, so accounts without a number or a date end the list either way.
    ordered = ordered.orderBy(`accounts.${sortColumns[sort.field]}`, (ob) =>
      direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    );
  }
  return ordered
    .orderBy('accounts.last_name')
    .orderBy('accounts.first_name')
    .orderBy('accounts.id');
}

/** One page of the accounts grid. */
export async function listAccounts(
  db: Db,
  scope: Scope,
  query: ListAccountsQuery,
): Promise<Outcome<AccountPage>> {
  const filtered = await filteredAccounts(db, scope, query);
  if (!filtered.ok) return filtered;
  return success(await paginate(orderAccounts(filtered.value, query.sort), query, toAccount));
}

/** Reads one account in scope. */
export async function getAccount(db: Db, scope: Scope, id: string) {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('organizations', 'organizations.id', 'accounts.organization_id')
    .selectAll('accounts')
    .where('accounts.id', '=', id)
    .where('organizations.path', 'like', `${scope.path}%`)
    .executeTakeFirst();
  return row ? success(toAccount(row)) : notFoundFailure('That account');
}
