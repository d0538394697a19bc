// Loading many rows into a table fast: its secondary indexes and triggers are set aside while the
// rows go in (one sorted index build afterwards is far cheaper than a million index updates), then
// put back exactly as the migrations defined them. Unique constraints stay, so data stays valid.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isPostgres } from '../domain/organization-context';

interface Definition {
  name: string;
  kind: 'index' | 'trigger';
  statement: string;
}

async function definitionsOf(db: Kysely<Database>, table: string): Promise<Definition[]> {
  if (isPostgres(db)) {
    const indexes = await sql<{ name: string; statement: string }>`
      select i.indexname as name, i.indexdef as statement from pg_indexes i
      where i.tablename = ${table} and i.schemaname = current_schema()
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`.execute(
      db,
    );
    const triggers = await sql<{ name: string; statement: string }>`
      select tgname as name, pg_get_triggerdef(oid) as statement from pg_trigger
      where tgrelid = (${table})::regclass and not tgisinternal`.execute(db);
    return [
      ...indexes.rows.map((row) => ({ ...row, kind: 'index' as const })),
      ...triggers.rows.map((row) => ({ ...row, kind: 'trigger' as const })),
    ];
  }
  const rows = await sql<{ name: string; kind: 'index' | 'trigger'; statement: string }>`
    select name, type as kind, sql as statement from sqlite_master
    where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(db);
  return rows.rows;
}

/**
 * Runs `load` with the table's secondary indexes and triggers dropped, then recreates them.
 * `load` must itself bring up to date whatever the triggers maintain.
 */
export async function withoutIndexes(
  db: Kysely<Database>,
  table: string,
  load: () => Promise<void>,
): Promise<void> {
  const definitions = await definitionsOf(db, table);
  for (const definition of definitions) {
    const on = isPostgres(db) && definition.kind === 'trigger' ? ` on ${table}` : '';
    await sql.raw(`drop ${definition.kind} if exists ${definition.name}${on}`).execute(db);
  }
  try {
    await load();
  } finally {
    for (const definition of definitions) await sql.raw(definition.statement).execute(db);
  }
}
