// The paged list every grid store shares: one page of items with its total, loading and error, a
// newer load cancelling an older one, and the page size taken from and saved to the admin's
// page-size preference, so every grid shows the rows per page chosen once.
import { ref, watch, type Ref } from 'vue';
import type { Paged } from '../../../common/api/paging';
import { errorMessage } from '../api/api-error';
import { usePreferencesStore } from './preferences';

/** The page a load asks for. */
export interface Paging {
  page: number;
  pageSize: number;
}

export interface PagedListOptions<T, P extends Paged<T> = Paged<T>> {
  /** After the list shrank below the current page (e.g. a delete), show the last page there is. */
  clampPage?: boolean;
  /** Called with each page that arrives, before the list shows it. */
  onPage?: (page: P) => void;
}

/** The state and actions a paged-list store spreads into what it returns. */
export interface PagedList<T> {
  items: Ref<T[]>;
  total: Ref<number>;
  page: Ref<number>;
  /** Rows per page; setting it saves the preference and goes back to page 1. */
  pageSize: Ref<number>;
  loading: Ref<boolean>;
  /** Why the last load failed, as a sentence; null when it worked. */
  error: Ref<string | null>;
  /** True once a page arrived. */
  loaded: Ref<boolean>;
  /** True once a load finished, whether it worked or not. */
  settled: Ref<boolean>;
  /** Loads the current page; `fetchPage` answering null means there is nothing to list yet. */
  load: () => Promise<void>;
  /** Loads the last page: where the newest rows of an oldest-first list are. */
  loadLast: () => Promise<void>;
  /** Takes a data table's paging options; true when they changed (then load). */
  setPaging: (options: { page: number; itemsPerPage: number }) => boolean;
  /** Back to an empty first page. */
  resetList: () => void;
}

/**
 * A paged list over `fetchPage`, for setup stores. The signal aborts when a newer load starts, so
 * an older answer never replaces a newer one.
 */
export function usePagedList<T, P extends Paged<T> = Paged<T>>(
  fetchPage: (paging: Paging, signal: AbortSignal) => Promise<P> | null,
  options: PagedListOptions<T, P> = {},
): PagedList<T> {
  const preferences = usePreferencesStore();
  const items = ref<T[]>([]) as Ref<T[]>;
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(preferences.pageSize);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const loaded = ref(false);
  const settled = ref(false);
  let current: AbortController | null = null;

  // The preference changed (Settings, or another grid): follow it from page 1.
  watch(
    () => preferences.pageSize,
    (size) => {
      if (size === pageSize.value) return;
      pageSize.value = size;
      page.value = 1;
    },
  );
  // This grid's rows per page changed: it becomes the preference.
  watch(pageSize, (size) => {
    if (size !== preferences.pageSize) void preferences.update({ pageSize: size });
  });

  async function load(): Promise<void> {
    current?.abort();
    const request = new AbortController();
    current = request;
    const answer = fetchPage({ page: page.value, pageSize: pageSize.value }, request.signal);
    if (!answer) {
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const result = await answer;
      if (request.signal.aborted) return;
      options.onPage?.(result);
      items.value = result.items;
      total.value = result.total;
      error.value = null;
      loaded.value = true;
      const lastPage = Math.max(1, Math.ceil(result.total / pageSize.value));
      if (options.clampPage && page.value > lastPage) {
        page.value = lastPage;
        void load();
      }
    } catch (failure) {
      if (request.signal.aborted) return;
      error.value = errorMessage(failure);
    } finally {
      if (current === request) {
        loading.value = false;
        settled.value = true;
      }
    }
  }

  async function loadLast(): Promise<void> {
    await load();
    const lastPage = Math.max(1, Math.ceil(total.value / pageSize.value));
    if (lastPage !== page.value) {
      page.value = lastPage;
      await load();
    }
  }

  function setPaging(next: { page: number; itemsPerPage: number }): boolean {
    if (next.page === page.value && next.itemsPerPage === pageSize.value) return false;
    page.value = next.page;
    pageSize.value = next.itemsPerPage;
    return true;
  }

  function resetList(): void {
    current?.abort();
    current = null;
    items.value = [];
    total.value = 0;
    page.value = 1;
    loading.value = false;
    error.value = null;
    loaded.value = false;
    settled.value = false;
  }

  return {
    items,
    total,
    page,
    pageSize,
    loading,
    error,
    loaded,
    settled,
    load,
    loadLast,
    setPaging,
    resetList,
  };
}
