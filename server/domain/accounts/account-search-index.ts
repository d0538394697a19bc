// The accounts' trigram search indexes (migration 004, PostgreSQL only): which texts they can serve
// and the condition that reaches them — pg_trgm GIN through LIKE.
import { sql, type Expression, type SqlBool } from 'kysely';
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
