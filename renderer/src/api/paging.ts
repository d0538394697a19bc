// Reads every page of a small list (organizations, profiles) at the service's largest page size.
import type { Paged } from './types';

const maxPageSize = 500;
const maxPages = 40; // 20,000 rows: far beyond any organization tree; stops a runaway loop.

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
