// Accounts store: the grid's query (scope, search, status, sort, page) and the one page on screen.
// Never fetches everything: one page plus per-status totals, so 100,000 accounts stay fast.
import { defineStore } from 'pinia';
import {
  countAccounts,
  listAccounts,
  type AccountDateFilter,
  type AccountQuery,
} from '../api/accounts';
import { errorMessage } from '../api/api-error';
import type { Account } from '../../../common/api/accounts';
import type { AccountStatus } from '../utils/account-status';
import { useOrganizationsStore } from './organizations';

export interface SortItem {
  key: string;
  order: 'asc' | 'desc';
}

interface State {
  items: Account[];
  total: number;
  loading: boolean;
  loadedOnce: boolean;
  error: string | null;
  page: number;
  pageSize: number;
  sortBy: SortItem[];
  search: string;
  status: AccountStatus | null;
  /** Set when a report's chart opened the grid: a time window on one of the account's dates. */
  dateFilter: AccountDateFilter | null;
  /** Accounts per status for the current scope and search (null while unknown). */
  counts: Record<AccountStatus, number> | null;
  countsTotal: number | null;
  /** Selected account ids (kept across pages) and the accounts themselves, for bulk actions. */
  selectedIds: string[];
  selectedAccounts: Record<string, Account>;
}

/** Grid columns → the service's sort fields. */
const sortFields: Record<string, string> = {
  name: 'firstName',
  username: 'username',
  contact: 'contact',
  number: 'number',
  organization: 'organizationId',
  status: 'status',
  invitedAt: 'invitedAt',
  activatedAt: 'activatedAt',
};

let listRequest: AbortController | null = null;
let countsGeneration = 0;

export const useAccountsStore = defineStore('accounts', {
  state: (): State => ({
    items: [],
    total: 0,
    loading: false,
    loadedOnce: false,
    error: null,
    page: 1,
    pageSize: 50,
    sortBy: [],
    search: '',
    status: null,
    dateFilter: null,
    counts: null,
    countsTotal: null,
    selectedIds: [],
    selectedAccounts: {},
  }),
  getters: {
    /** Filters without paging: the export and the counts use them. */
    filters(state): AccountQuery {
      const organizations = useOrganizationsStore();
      const sort = state.sortBy[0];
      return {
        organizationId: organizations.scopeId,
        includeSubOrganizations: organizations.includeSubOrganizations,
        status: state.status,
        q: state.search,
        dateFilter: state.dateFilter,
        sort: sort && sortFields[sort.key] ? `${sortFields[sort.key]}:${sort.order}` : null,
      };
    },
    selection(state): Account[] {
      return state.selectedIds
        .map((id) => state.selectedAccounts[id])
        .filter((account) => !!account);
    },
    /** True when the scope has no account at all (not just none matching the filters). */
    scopeIsEmpty(state): boolean {
      return state.countsTotal === 0 && !state.search.trim();
    },
  },
  actions: {
    /** Loads the current page; a newer request cancels an older one so results never arrive out of order. */
    async loadPage(): Promise<void> {
      const organizations = useOrganizationsStore();
      if (!organizations.scopeId) return;
      listRequest?.abort();
      const request = new AbortController();
      listRequest = request;
      this.loading = true;
      try {
        const result = await listAccounts(
          { ...this.filters, page: this.page, pageSize: this.pageSize },
          request.signal,
        );
        if (request.signal.aborted) return;
        this.items = result.items;
        this.total = result.total;
        this.error = null;
        for (const account of result.items) {
          if (this.selectedAccounts[account.id]) this.selectedAccounts[account.id] = account;
        }
        // The page shrank below the current one (e.g. after a delete): go to the last page there is.
        const lastPage = Math.max(1, Math.ceil(result.total / this.pageSize));
        if (this.page > lastPage) {
          this.page = lastPage;
          void this.loadPage();
        }
      } catch (error) {
        if (request.signal.aborted) return;
        this.error = errorMessage(error);
      } finally {
        if (listRequest === request) {
          this.loading = false;
          this.loadedOnce = true;
        }
      }
    },

    /** Totals per status for the chips: one grouped count from the service. */
    async loadCounts(): Promise<void> {
      const organizations = useOrganizationsStore();
      if (!organizations.scopeId) return;
      const generation = ++countsGeneration;
      try {
        const { total, byStatus } = await countAccounts(this.filters);
        if (generation !== countsGeneration) return;
        this.counts = { ...byStatus };
        this.countsTotal = total;
      } catch {
        // The chips simply show no counts; the grid reports the problem.
        if (generation === countsGeneration) this.counts = null;
      }
    },

    /** Reloads page and counts (after a change, a scope switch or Retry). */
    async refresh(): Promise<void> {
      await Promise.all([this.loadPage(), this.loadCounts()]);
    },

    setSelection(ids: string[]): void {
      const known = new Map(this.items.map((account) => [account.id, account]));
      const next: Record<string, Account> = {};
      for (const id of ids) {
        const account = known.get(id) ?? this.selectedAccounts[id];
        if (account) next[id] = account;
      }
      this.selectedIds = ids.filter((id) => next[id]);
      this.selectedAccounts = next;
    },
    clearSelection(): void {
      this.selectedIds = [];
      this.selectedAccounts = {};
    },
    /** Replaces an account in the page and the selection after an edit. */
    replace(account: Account): void {
      const index = this.items.findIndex((item) => item.id === account.id);
      if (index >= 0) this.items.splice(index, 1, account);
      if (this.selectedAccounts[account.id]) this.selectedAccounts[account.id] = account;
    },
  },
});
