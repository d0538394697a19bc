// The SQLite statement cache (server/db/database.ts): a statement is prepared once per SQL text,
// the least recently used are dropped beyond the limit, and a kept statement still sees the
// table as a later migration changed it (new columns, new triggers).
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStatementCacheSize, withStatementCache } from '../../../server/db/database';

describe('withStatementCache', () => {
  let sqlite: SqliteDatabase.Database;
  let prepared: string[];

  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
    sqlite.exec('create table t (a integer)');
    prepared = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
  });
  afterEach(() => sqlite.close());

  it('prepares a statement once and runs it again', () => {
    const cached = withStatementCache(sqlite);
    for (let a = 1; a <= 3; a += 1) cached.prepare('insert into t (a) values (?)').run([a]);
    expect(cached.prepare('select a from t order by a').all([])).toEqual([
      { a: 1 },
      { a: 2 },
      { a: 3 },
    ]);
    expect(prepared).toEqual(['insert into t (a) values (?)', 'select a from t order by a']);
  });

  it('keeps the most recently used statements only', () => {
    const cached = withStatementCache(sqlite);
    const select = (n: number) => `select ${n} as n`;
    cached.prepare(select(0));
    for (let n = 1; n <= sqliteStatementCacheSize; n += 1) {
      cached.prepare(select(n));
      cached.prepare(select(0));
    }
    expect(prepared).toHaveLength(sqliteStatementCacheSize + 1);
    cached.prepare(select(1));
    cached.prepare(select(0));
    expect(prepared.slice(-1)).toEqual([select(1)]);
    expect(prepared).toHaveLength(sqliteStatementCacheSize + 2);
  });

  it('runs a kept statement against the table as a later change left it', () => {
    const cached = withStatementCache(sqlite);
    cached.prepare('insert into t (a) values (?)').run([1]);
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1 }]);
    sqlite.exec(`alter table t add column b text default 'x'`);
    sqlite.exec(
      `create trigger t_b after insert on t begin update t set b = 'y' where a = new.a; end`,
    );
    cached.prepare('insert into t (a) values (?)').run([2]);
    expect(cached.prepare('select * from t').all([])).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});
