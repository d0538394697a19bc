// Paging and query-string helpers shared by every list endpoint: ?page=1&pageSize=50 (max 500)
// → {items, total, page, pageSize}.
import { z } from 'zod';

export const maxPageSize = 500;
export const defaultPageSize = 50;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The wrapper of every list answer. */
export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A query-string boolean: `true`/`false`/`1`/`0`. */
export const queryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** A comma-separated query-string list (`state=available,reserved`); repeated keys are accepted too. */
export function queryListSchema<T extends z.ZodType>(item: T, maxItems = 1000) {
  return z.preprocess(
    (value) =>
      typeof value === 'string' || Array.isArray(value)
        ? (Array.isArray(value) ? value : [value])
            .flatMap((part) => String(part).split(','))
            .map((part) => part.trim())
            .filter((part) => part.length > 0)
        : value,
    z.array(item).max(maxItems),
  );
}

/** An id in a path or a filter. Ids are opaque text (UUIDs); unknown ones simply are not found. */
export const idSchema = z.string().trim().min(1).max(1000);

export const idParamsSchema = z.object({ id: idSchema });

/** `sort=field:asc|desc`. */
export function sortSchema<const F extends readonly [string, ...string[]]>(fields: F) {
  return z
    .string()
    .regex(/^[A-Za-z]+:(asc|desc)$/, 'Use field:asc or field:desc.')
    .transform((value) => {
      const [field, direction] = value.split(':') as [string, 'asc' | 'desc'];
      return { field, direction };
    })
    .pipe(z.object({ field: z.enum(fields), direction: z.enum(['asc', 'desc']) }));
}

/** Times are ISO 8601 UTC strings. */
export const isoTimeSchema = z.string();
