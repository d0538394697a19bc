// The accounts' trigram search indexes: on PostgreSQL pg_trgm GIN reached through LIKE (migration
// 004); on SQLite the FTS5 table account_search keyed by account_search_keys (migration 008) —
// which texts they serve, the conditions that reach them, and counts read from them alone.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { accountStatuses, type AccountStatus } from '../../../common/api/accounts';
import type { Database } from '../../db/schema';
import { type Db } from '../organization-context';
import { escapeLike } from '../phone-search';

/**
 * Trigram indexes serve texts of at least 3 characters (code points); shorter ones would match
 * nearly every row through the index, so those keep the plain scan.
 */
export function trigramSearchable(text: string): boolean {
  return [...text].length >= 3;
}

/**
 * PostgreSQL: `column LIKE '%text%'` — what a pg_trgm GIN index serves (strpos cannot use it).
 * The same answer as strpos: LIKE is case-sensitive there and the wildcards are escaped.
 */
export function containsLike(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** An FTS5 phrase: the text verbatim between double quotes (its own double quotes doubled). */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * SQLite: the FTS5 MATCH finding the accounts whose search_text holds `lowered` (or whose
 * phone_text holds `phone`). The tokenizer is case-sensitive trigram, so a phrase matches exactly
 * where the text is a substring — the scan's answer. Null when a text is too short for trigrams.
 */
export function ftsMatch(lowered: string, phone: string | null): string | null {
  if (!trigramSearchable(lowered) || (phone !== null && !trigramSearchable(phone))) return null;
  const columns = [`search_text : ${phrase(lowered)}`];
  if (phone !== null) columns.push(`phone_text : ${phrase(phone)}`);
  return columns.join(' OR ');
}

/** SQLite: the accounts the MATCH finds, as a condition on `accounts.id`. */
export function matchedAccounts(match: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref('accounts.id')} in (
    select k.account_id from account_search_keys k
    where k.search_id in (select rowid from account_search where account_search match ${match}))`;
}

/** SQLite: how many accounts of the whole database the MATCH finds (the FTS index alone). */
export async function matchCount(db: Db, match: string): Promise<number> {
  const { rows } = await sql<{ found: number }>`
    select count(*) as found from account_search where account_search match ${match}`.execute(db);
  return Number(rows[0]?.found ?? 0);
}

/**
 * SQLite: the MATCH's accounts per status inside the organizations `inOrganizations` accepts (a
 * condition on the column it is given), read from the keys table without touching the accounts.
 */
export async function matchCountsByStatus(
  db: Db,
  match: string,
  inOrganizations: (column: Expression<unknown>) => Expression<SqlBool>,
): Promise<Record<AccountStatus, number>> {
  const { rows } = await sql<{ status: string; found: number }>`
    select k.status, count(*) as found from account_search_keys k
    where k.search_id in (select rowid from account_search where account_search match ${match})
      and ${inOrganizations(sql.ref('k.organization_id'))}
    group by k.status`.execute(db);
  const byStatus = Object.fromEntries(accountStatuses.map((status) => [status, 0])) as Record<
    AccountStatus,
    number
  >;
  for (const row of rows)
    if (row.status in byStatus) byStatus[row.status as AccountStatus] = Number(row.found);
  return byStatus;
}

/** SQLite: re-keys and re-indexes every account (after a bulk load that ran without the triggers). */
export async function rebuildAccountSearch(db: Kysely<Database>): Promise<void> {
  await sql`delete from account_search_keys`.execute(db);
  await sql`insert into account_search_keys (account_id, organization_id, status)
    select id, organization_id, status from accounts`.execute(db);
  await sql`insert into account_search (account_search) values ('rebuild')`.execute(db);
}
