// 004-account-search-index: trigram indexes so the `q` search of the accounts grid (a substring
// match, migration 003) no longer tests every account on PostgreSQL (pg_trgm GIN). SQLite keeps the
// scan on purpose: an FTS5 trigram table there must be keyed by the implicit rowid (accounts has a
// text primary key), which a VACUUM may renumber, silently hiding accounts from search; and its
// insert trigger made chunked imports ~40% slower, for 67 → 25 ms at 100,000 accounts.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

const raw = (text: string): RawBuilder<unknown> => sql.raw(text);

/**
 * GIN trigram indexes serve `search_text LIKE '%q%'`. pg_trgm ships with PostgreSQL's contrib; where
 * it is missing (or may not be created) the search stays a scan, correct but slower, so the
 * failure is contained in a savepoint instead of failing the whole schema update.
 */
async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await raw('savepoint account_search_trgm').execute(db);
  try {
    await raw('create extension if not exists pg_trgm').execute(db);
  } catch {
    await raw('rollback to savepoint account_search_trgm').execute(db);
    return;
  }
  await raw('release savepoint account_search_trgm').execute(db);
  await raw(
    'create index accounts_search_text_trgm on accounts using gin (search_text gin_trgm_ops)',
  ).execute(db);
  await raw(
    'create index accounts_phone_text_trgm on accounts using gin (phone_text gin_trgm_ops)',
  ).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await raw('drop index if exists accounts_search_text_trgm').execute(db);
    await raw('drop index if exists accounts_phone_text_trgm').execute(db);
  }
}
