// 003-account-search: precomputed columns that keep the accounts grid fast at 100,000 accounts —
// status_rank (default order), search_text and phone_text (the `q` search) — kept up to date by the
// database itself (SQLite triggers, PostgreSQL generated columns) so no write path can forget them.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Separates the fields inside search_text/phone_text so a match never spans two fields. The
 * list falls back to the per-column search when a query contains it (control character 31).
 */
const separatorCode = 31;

/**
 * Rank in the grid's default order: Activated > Invitation Failed > Invited > Not Invited, then
 * Suspended. Frozen copy of common/api/accounts.ts `defaultStatusOrder` (a migration must not change
 * with later code); changing that order needs a new migration.
 */
const rankedStatuses = ['activated', 'invitation_failed', 'invited', 'not_invited', 'suspended'];

/** The column expressions, over `prefix` (`NEW.` inside a SQLite trigger, '' elsewhere). */
function expressions(prefix: string, separator: string) {
  const col = (name: string) => `${prefix}${name}`;
  const rank = `case ${col('status')} ${rankedStatuses
    .map((status, rank) => `when '${status}' then ${rank}`)
    .join(' ')} else ${rankedStatuses.length} end`;
  // Full name first: "first last" contains q whenever the first or the last name does.
  const searchText = [
    `lower(${col('first_name')} || ' ' || ${col('last_name')})`,
    `lower(${col('username')})`,
    `lower(${col('contact')})`,
    `lower(coalesce(${col('number')}, ''))`,
    `lower(coalesce(${col('personal_phone')}, ''))`,
  ].join(` || ${separator} || `);
  // Numbers are stored as E.164 (`+12025550143`), so their digits are contiguous here.
  const phoneText = [
    col('contact'),
    `coalesce(${col('number')}, '')`,
    `coalesce(${col('personal_phone')}, '')`,
  ].join(` || ${separator} || `);
  return { rank, searchText, phoneText };
}

const raw = (text: string): RawBuilder<unknown> => sql.raw(text);

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const e = expressions('', `chr(${separatorCode})`);
  await raw(`alter table accounts
    add column status_rank integer generated always as (${e.rank}) stored,
    add column search_text text generated always as (${e.searchText}) stored,
    add column phone_text text generated always as (${e.phoneText}) stored`).execute(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  const separator = `char(${separatorCode})`;
  await raw(`alter table accounts add column status_rank integer not null default 0`).execute(db);
  await raw(`alter table accounts add column search_text text not null default ''`).execute(db);
  await raw(`alter table accounts add column phone_text text not null default ''`).execute(db);
  const set = (prefix: string) => {
    const e = expressions(prefix, separator);
    return `status_rank = ${e.rank}, search_text = ${e.searchText}, phone_text = ${e.phoneText}`;
  };
  await raw(`update accounts set ${set('')}`).execute(db);
  // The inner UPDATE touches only the derived columns, so it does not fire the update trigger again.
  await raw(`create trigger accounts_search_after_insert after insert on accounts
    begin update accounts set ${set('NEW.')} where id = NEW.id; end`).execute(db);
  await raw(`create trigger accounts_search_after_update
    after update of first_name, last_name, username, contact, number, personal_phone, status
    on accounts
    begin update accounts set ${set('NEW.')} where id = NEW.id; end`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await (postgres ? upPostgres(db) : upSqlite(db));
  // Default order inside one organization, and across a subtree (the root scope).
  await raw(`create index accounts_org_default_order
    on accounts (organization_id, status_rank, last_name, first_name, id)`).execute(db);
  await raw(`create index accounts_default_order
    on accounts (status_rank, last_name, first_name, id)`).execute(db);
  // Sorted by last name (the grid's most used column sort), inside one organization and across.
  await raw(`create index accounts_org_name_order
    on accounts (organization_id, last_name, first_name, id)`).execute(db);
  await raw(`create index accounts_name_order on accounts (last_name, first_name, id)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const index of [
    'accounts_org_default_order',
    'accounts_default_order',
    'accounts_org_name_order',
    'accounts_name_order',
  ])
    await raw(`drop index if exists ${index}`).execute(db);
  if (!postgres) {
    await raw(`drop trigger if exists accounts_search_after_insert`).execute(db);
    await raw(`drop trigger if exists accounts_search_after_update`).execute(db);
  }
  for (const column of ['status_rank', 'search_text', 'phone_text'])
    await raw(`alter table accounts drop column ${column}`).execute(db);
}
