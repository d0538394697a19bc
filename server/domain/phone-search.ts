// Text search helpers for lists: case-insensitive substring over text columns, and phone-number
// matching on digits, so `(202) 555` finds +12025550143. LIKE wildcards in the query are literal.
import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so `50%` or `a_b` match literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * When the query looks like (part of) a phone number — digits with the usual punctuation —
 * the LIKE pattern of its digits; otherwise null.
 */
export function phoneDigitsPattern(q: string): string | null {
  if (!/^[\d\s+().\-/]+$/.test(q) || !/\d/.test(q)) return null;
  return `%${q.replace(/\D/g, '')}%`;
}

/**
 * `lower(column) LIKE lower(%q%)`, the same on SQLite and PostgreSQL. lower() rather than upper():
 * SQLite folds ASCII only, and non-ASCII letters of names are mostly lower-case already (Zoë).
 */
export function containsText(column: string, q: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  return sql<SqlBool>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
}

/** `column LIKE %digits%` for a phone query (digits need no escaping). */
export function containsDigits(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`coalesce(${sql.ref(column)}, '') like ${pattern}`;
}

/**
 * Separator between the fields of the accounts' derived search columns (migration 003): a
 * query containing it cannot use them, since a match could span two fields.
 */
export const searchFieldSeparator = '\u001f';

/**
 * q (lower-cased) inside an already lower-cased column. strpos/instr rather than LIKE: no pattern
 * matching per row, and the same answer — LIKE folds ASCII only on SQLite and nothing on
 * PostgreSQL, and both sides are lower-case already.
 */
export function containsLowered(column: string, q: string, sqlite: boolean): Expression<SqlBool> {
  return containsSubstring(column, q.toLowerCase(), sqlite);
}

/** `text` inside `column`, exactly (instr is SQLite's name of PostgreSQL's strpos). */
export function containsSubstring(
  column: string,
  text: string,
  sqlite: boolean,
): Expression<SqlBool> {
  const position = sqlite ? sql`instr` : sql`strpos`;
  return sql<SqlBool>`${position}(${sql.ref(column)}, ${text}) > 0`;
}
