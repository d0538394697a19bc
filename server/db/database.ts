// Opens the service's database: SQLite (better-sqlite3, WAL) by default, PostgreSQL (pg) with a
// DATABASE_URL. Both give the same Kysely<Database>; counts come back as JS numbers on both.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of `linedesk.sqlite`; `:memory:` is not supported (WAL needs a file). */
  dataDir: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export interface ServiceDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  destroy(): Promise<void>;
}

/** int8 (counts, sums) and numeric arrive as strings from pg; every value we count fits a JS number. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//.test(url);
}

/** Statements kept per connection, by their SQL text (least recently used dropped first). */
export const sqliteStatementCacheSize = 200;

/**
 * Kysely prepares every query it runs, and SQLite compiles a statement together with every trigger
 * on its table (the kept counts, the search index, the report counts): preparing an account update
 * costs more than running it. A statement prepared once is run again while its SQL text is among
 * the most recently used.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > sqliteStatementCacheSize) {
        statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Opens (and for SQLite creates) the database. Run `migrateToLatest` before use. */
export function createDatabase(config: DatabaseConfig): ServiceDatabase {
  if (isPostgresUrl(config.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      types: pgTypes,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  // The folder and the files hold every account and secret: readable by the service's user only.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.dataDir, 'linedesk.sqlite');
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // SQLite gives the -wal and -shm files the database file's mode; make sure of it.
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, 0o600);
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  // The default 2 MiB page cache holds little of a large accounts table and its indexes: every
  // insert of an import then re-reads index pages. 64 MiB keeps them in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}
