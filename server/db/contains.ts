// Case-insensitive substring search on either dialect (PostgreSQL's LIKE is case-sensitive,
// SQLite's is not; lower() on both sides makes them agree).
import { sql, type RawBuilder } from 'kysely';
import { likeContains } from './values';

/** `lower(column) like '%q%'`, with q's wildcards taken literally. */
export function containsIgnoringCase(column: string, q: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likeContains(q)} escape '\\'`;
}
