// Paging of list requests: the page/pageSize parameters, and reading every page of a small list
// (organizations, profiles) at the service's largest page size.
import { defaultPageSize, maxPageSize, type Paged } from '../../../common/api/paging';

/** The page asked for; the size defaults to the service's default. */
export interface PageRequest {
  page?: number;
  pageSize?: number;
}

/** `page` and `pageSize` query parameters, with the service's defaults. */
export function pageParams(query: PageRequest): Record<string, number> {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? defaultPageSize };
}

const maxPages = 40; // 20,000 rows: far beyond any organization tree; stops a runaway loop.

/** Every item of a list, one largest page after the other. */
export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await fetchPage(page, maxPageSize);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}
