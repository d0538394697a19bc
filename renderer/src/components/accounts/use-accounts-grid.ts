// When the accounts grid loads: filters from the route (a report's chart or an account link), the
// scope, status, search and sort, a reconnect; and what its empty state says.
import { computed, watch, type ComputedRef } from 'vue';
import { useRoute } from 'vue-router';
import { useAccountsStore } from '../../stores/accounts';
import { useOrganizationsStore } from '../../stores/organizations';
import { usePreferencesStore } from '../../stores/preferences';
import { connectionState } from '../../composables/use-connection';
import { useDebouncedSearch } from '../../composables/use-debounced-search';
import { accountFiltersFromRoute, dateFilterLabel } from './route-filters';

/** What the Accounts screen shows around the grid, and the account a link asked to open. */
export interface AccountsGrid {
  /** The account named in the route (?accountId=), to open in the panel. */
  linkedAccountId: string | null;
  dateFilterText: ComputedRef<string>;
  emptyKind: ComputedRef<'no-accounts' | 'no-match' | null>;
  clearDateFilter(): void;
  clearFilters(): void;
}

/** Applies the route's filters once, then keeps the grid loaded as its query changes. */
export function useAccountsGrid(): AccountsGrid {
  const accounts = useAccountsStore();
  const organizations = useOrganizationsStore();
  const preferences = usePreferencesStore();

  const fromRoute = accountFiltersFromRoute(useRoute().query);
  if (fromRoute) {
    accounts.search = '';
    accounts.status = fromRoute.status;
    accounts.dateFilter = fromRoute.dateFilter;
    if (fromRoute.organizationId && organizations.byId.has(fromRoute.organizationId)) {
      organizations.scopeId = fromRoute.organizationId;
      organizations.includeSubOrganizations = fromRoute.includeSubOrganizations;
    }
  }

  // Scope, filter or search changes start again at page 1; counts follow the scope and search only.
  watch(
    () => [organizations.scopeId, organizations.includeSubOrganizations] as const,
    () => {
      accounts.page = 1;
      accounts.clearSelection();
      void accounts.refresh();
    },
    { immediate: true },
  );
  watch(
    () => accounts.status,
    () => {
      accounts.page = 1;
      void accounts.load();
    },
  );
  useDebouncedSearch(
    () => accounts.search,
    () => {
      accounts.page = 1;
      void accounts.refresh();
    },
  );
  // Paging is the table's (usePagedTable); the sort order is the grid's own.
  watch(
    () => accounts.sortBy,
    () => void accounts.load(),
    { deep: true },
  );
  watch(
    () => connectionState.retryCount,
    () => void accounts.refresh(),
  );

  function clearDateFilter(): void {
    accounts.dateFilter = null;
    accounts.page = 1;
    void accounts.refresh();
  }

  return {
    linkedAccountId: fromRoute?.accountId ?? null,
    dateFilterText: computed(() =>
      accounts.dateFilter ? dateFilterLabel(accounts.dateFilter, preferences.timeZone) : '',
    ),
    emptyKind: computed(() => {
      if (accounts.loading || !accounts.loadedOnce || accounts.error || accounts.items.length > 0)
        return null;
      return accounts.scopeIsEmpty && !accounts.status ? 'no-accounts' : 'no-match';
    }),
    clearDateFilter,
    clearFilters() {
      accounts.search = '';
      accounts.status = null;
      if (accounts.dateFilter) clearDateFilter();
    },
  };
}
