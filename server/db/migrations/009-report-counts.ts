// 009-report-counts: the Reports summary at a million accounts. `report_counts` holds per
// organization and UTC hour how many accounts were created, activated and first invited (with how
// fast they activated), how many invitation messages are in each delivery state and why they
// failed, plus — without an hour — pool numbers by state and accounts waiting for a number. Database
// triggers keep it in the same transaction as every write (as 007 does for account_counts), so no
// write path can forget it. `accounts.first_invited_at` (kept from invitations) dates the funnel.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { applyCells, countedTables, rebuildStatements } from '../report-count-sources';

const raw = (text: string): RawBuilder<unknown> => sql.raw(text);
const operations = ['insert', 'delete', 'update'] as const;

/** SQLite: row triggers; an update counts only when a column the cells read changed. */
async function triggersSqlite(db: Kysely<unknown>): Promise<void> {
  await raw(`create trigger invitations_first_invited after insert on invitations
    when new.account_id is not null begin
      update accounts set first_invited_at = new.created_at
      where id = new.account_id and (first_invited_at is null or first_invited_at > new.created_at);
    end`).execute(db);
  for (const { table, cells, columns } of countedTables) {
    const row = (which: 'new' | 'old') =>
      `(select ${columns.map((column) => `${which}.${column} as ${column}`).join(', ')})`;
    const changed = columns.map((column) => `old.${column} is not new.${column}`).join(' or ');
    const deltas = {
      insert: cells(row('new'), '1', false),
      delete: cells(row('old'), '-1', false),
      update: `${cells(row('new'), '1', false)} union all ${cells(row('old'), '-1', false)}`,
    };
    for (const operation of operations) {
      const of = operation === 'update' ? ` of ${columns.join(', ')}` : '';
      const when = operation === 'update' ? ` when ${changed}` : '';
      await raw(`create trigger report_counts_${table}_${operation} after ${operation}${of}
        on ${table}${when} begin ${applyCells(deltas[operation])}; end`).execute(db);
    }
  }
}

/** PostgreSQL: statement triggers over the transition tables, one grouped upsert per statement. */
async function triggersPostgres(db: Kysely<unknown>): Promise<void> {
  await raw(`create function invitations_first_invited() returns trigger language plpgsql as $$
    begin
      update accounts a set first_invited_at = f.first_at
      from (select account_id, min(created_at) as first_at from new_rows
            where account_id is not null group by account_id) f
      where a.id = f.account_id and (a.first_invited_at is null or a.first_invited_at > f.first_at);
      return null;
    end $$`).execute(db);
  await raw(`create trigger invitations_first_invited after insert on invitations
    referencing new table as new_rows for each statement
    execute function invitations_first_invited()`).execute(db);
  for (const { table, cells } of countedTables) {
    const deltas = {
      insert: cells('new_rows', '1', true),
      delete: cells('old_rows', '-1', true),
      update: `${cells('new_rows', '1', true)} union all ${cells('old_rows', '-1', true)}`,
    };
    for (const operation of operations) {
      const name = `report_counts_${table}_${operation}`;
      await raw(`create function ${name}() returns trigger language plpgsql as $$
        begin ${applyCells(deltas[operation])}; return null; end $$`).execute(db);
      const referencing = {
        insert: 'new table as new_rows',
        delete: 'old table as old_rows',
        update: 'new table as new_rows old table as old_rows',
      }[operation];
      await raw(`create trigger ${name} after ${operation} on ${table}
        referencing ${referencing} for each statement execute function ${name}()`).execute(db);
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await raw(`create table report_counts (
    organization_id text not null,
    hour text not null,
    measure text not null,
    n integer not null,
    primary key (organization_id, hour, measure)
  )`).execute(db);
  await raw('alter table accounts add column first_invited_at text').execute(db);
  await raw(`update accounts set first_invited_at = firsts.first_at
    from (select account_id, min(created_at) as first_at from invitations
          where account_id is not null group by account_id) as firsts
    where accounts.id = firsts.account_id`).execute(db);
  // The funnel's median reads the cohort's activation times from this index alone.
  await raw(`create index accounts_organization_first_invited
    on accounts (organization_id, first_invited_at, activated_at)`).execute(db);
  for (const statement of rebuildStatements(postgres)) await raw(statement).execute(db);
  await (postgres ? triggersPostgres(db) : triggersSqlite(db));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const names = [
    ['invitations_first_invited', 'invitations'],
    ...countedTables.flatMap(({ table }) =>
      operations.map((operation) => [`report_counts_${table}_${operation}`, table]),
    ),
  ];
  for (const [name, table] of names) {
    await raw(`drop trigger if exists ${name}${postgres ? ` on ${table}` : ''}`).execute(db);
    if (postgres) await raw(`drop function if exists ${name}()`).execute(db);
  }
  await raw('drop index if exists accounts_organization_first_invited').execute(db);
  await raw('alter table accounts drop column first_invited_at').execute(db);
  await raw('drop table if exists report_counts').execute(db);
}
