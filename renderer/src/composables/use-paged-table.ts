// What every paged grid binds to its v-data-table-server: the store's page, page size, total and
// loading, the one list of page sizes, and a paging change that loads the page asked for.
import { computed, type ComputedRef } from 'vue';
import { pageSizes } from '../stores/preferences';

/** The part of a paged-list store (stores/paged-list.ts) a table needs. */
export interface PagedTableSource {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly loading: boolean;
  setPaging(options: { page: number; itemsPerPage: number }): boolean;
  load(): Promise<void>;
}

/** The props and listener spread onto a v-data-table-server with `v-bind`. */
export interface PagedTableBindings {
  page: number;
  itemsPerPage: number;
  itemsLength: number;
  loading: boolean;
  itemsPerPageOptions: number[];
  'onUpdate:options': (options: { page: number; itemsPerPage: number }) => void;
}

/** Rows-per-page choices of every grid, the same as the page-size preference offers. */
export const pageSizeOptions: number[] = [...pageSizes];

/** Binds a paged-list store to a server table: `<v-data-table-server v-bind="table">`. */
export function usePagedTable(source: PagedTableSource): ComputedRef<PagedTableBindings> {
  function onOptions(options: { page: number; itemsPerPage: number }): void {
    if (source.setPaging(options)) void source.load();
  }
  return computed(() => ({
    page: source.page,
    itemsPerPage: source.pageSize,
    itemsLength: source.total,
    loading: source.loading,
    itemsPerPageOptions: pageSizeOptions,
    'onUpdate:options': onOptions,
  }));
}
