// 008-account-sorts-and-search: the accounts grid at 1,000,000 accounts — an index for every column
// the grid sorts by (walked forwards or backwards, a page is read without sorting the table), and on
// SQLite the `q` search served by an FTS5 trigram index instead of a scan of every account.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

const raw = (text: string): RawBuilder<unknown> => sql.raw(text);

/**
 * One index per sortable column holding the whole order (column, then the name and id tie-break),
 * so both directions are an index walk. lastName, status and organizationId already have theirs
 * (migrations 003 and 007); username is unique, so its own index serves. The number order index
 * also answers lookups by number, which the single-column index of migration 001 did.
 */
const sortIndexes: [name: string, columns: string][] = [
  ['accounts_first_name_order', 'first_name, last_name, id'],
  ['accounts_contact_order', 'contact, last_name, first_name, id'],
  ['accounts_number_order', 'number, last_name, first_name, id'],
  ['accounts_lines_order', 'lines_allowed, last_name, first_name, id'],
  ['accounts_invited_order', 'invited_at, last_name, first_name, id'],
  ['accounts_activated_order', 'activated_at, last_name, first_name, id'],
  ['accounts_created_order', 'created_at, last_name, first_name, id'],
  ['accounts_updated_order', 'updated_at, last_name, first_name, id'],
];

/**
 * SQLite search: FTS5 needs an integer key that never changes, and accounts has a text primary
 * key (its implicit rowid may be renumbered by VACUUM). account_search_keys gives every account an
 * explicit INTEGER PRIMARY KEY (kept by VACUUM), with its organization and status so a search's
 * totals are counted without reading the accounts. account_search is an external-content trigram
 * index over the derived search columns of migration 003 (read through a view, stored once):
 * case-sensitive because those columns are lower-cased already, so a phrase match is exactly the
 * substring match of the scan. Triggers keep both right in the same transaction as every change.
 */
async function upSqliteSearch(db: Kysely<unknown>): Promise<void> {
  await raw(`create table account_search_keys (
    search_id integer primary key,
    account_id text not null unique,
    organization_id text not null,
    status text not null
  )`).execute(db);
  await raw(`create view account_search_content as
    select k.search_id, a.search_text, a.phone_text
    from account_search_keys k join accounts a on a.id = k.account_id`).execute(db);
  await raw(`create virtual table account_search using fts5(
    search_text, phone_text,
    content = 'account_search_content', content_rowid = 'search_id',
    tokenize = 'trigram case_sensitive 1'
  )`).execute(db);
  const keyOf = (row: 'old' | 'new') => `from account_search_keys where account_id = ${row}.id`;
  const forget = `insert into account_search (account_search, rowid, search_text, phone_text)
      select 'delete', search_id, old.search_text, old.phone_text ${keyOf('old')};`;
  const index = `insert into account_search (rowid, search_text, phone_text)
      select search_id, new.search_text, new.phone_text ${keyOf('new')};`;
  await raw(`create trigger account_search_insert after insert on accounts begin
    insert into account_search_keys (account_id, organization_id, status)
      values (new.id, new.organization_id, new.status);
    ${index}
  end`).execute(db);
  await raw(`create trigger account_search_delete after delete on accounts begin
    ${forget}
    delete from account_search_keys where account_id = old.id;
  end`).execute(db);
  await raw(`create trigger account_search_update_text
    after update of first_name, last_name, username, contact, number, personal_phone on accounts
    when old.search_text is not new.search_text or old.phone_text is not new.phone_text begin
    ${forget}
    ${index}
  end`).execute(db);
  await raw(`create trigger account_search_update_keys after update of organization_id, status on accounts
    when old.organization_id is not new.organization_id or old.status is not new.status begin
    update account_search_keys set organization_id = new.organization_id, status = new.status
      where account_id = new.id;
  end`).execute(db);
  await raw(`insert into account_search_keys (account_id, organization_id, status)
    select id, organization_id, status from accounts`).execute(db);
  await raw(`insert into account_search (account_search) values ('rebuild')`).execute(db);
}

/**
 * PostgreSQL sorts NULLs last ascending and first descending, so walking the index above backwards
 * gives `desc nulls first`; the grid wants accounts without a number or a date last either way.
 */
const postgresDescendingIndexes: [name: string, column: string][] = [
  ['accounts_number_desc_order', 'number'],
  ['accounts_invited_desc_order', 'invited_at'],
  ['accounts_activated_desc_order', 'activated_at'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await raw('drop index if exists accounts_number').execute(db);
  for (const [name, columns] of sortIndexes)
    await raw(`create index ${name} on accounts (${columns})`).execute(db);
  if (!postgres) await upSqliteSearch(db);
  else
    for (const [name, column] of postgresDescendingIndexes)
      await raw(`create index ${name} on accounts
        (${column} desc nulls last, last_name desc, first_name desc, id desc)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const trigger of ['insert', 'delete', 'update_text', 'update_keys'])
      await raw(`drop trigger if exists account_search_${trigger}`).execute(db);
    await raw('drop table if exists account_search').execute(db);
    await raw('drop view if exists account_search_content').execute(db);
    await raw('drop table if exists account_search_keys').execute(db);
  }
  for (const [name] of [...sortIndexes, ...postgresDescendingIndexes])
    await raw(`drop index if exists ${name}`).execute(db);
  await raw('create index accounts_number on accounts (number)').execute(db);
}
