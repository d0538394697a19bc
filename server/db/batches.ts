// Multi-row statements and long `in (…)` lists go in batches: 500 rows keep every dialect well
// under its parameter limit (SQLite 32,766, PostgreSQL 65,535) whatever a row's column count.

/** Largest multi-row statement. */
export const batchRows = 500;

/** `items` in consecutive slices of at most `size`. */
export function batches<T>(items: readonly T[], size = batchRows): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}
