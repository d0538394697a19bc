// Accounts store: the grid's query (scope, search, status, sort, page) and the one page on screen,
// and every account action the screens take. Never fetches everything: one page plus per-status
// totals, so 100,000 accounts stay fast.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  checkMove,
  countAccounts,
  createAccount,
  deleteAccounts,
  getAccount,
  inviteAccounts,
  listAccounts,
  moveAccounts,
  resendInvitations,
  suspendAccounts,
  updateAccount,
  type AccountDateFilter,
  type AccountQuery,
} from '../api/accounts';
import type { Account } from '../../../common/api/accounts';
import type { AccountStatus } from '../utils/account-status';
import { exportMatching, exportSelected, type ExportOutcome } from './accounts-export';
import { useOrganizationsStore } from './organizations';
import { usePagedList } from './paged-list';

export type { ExportOutcome } from './accounts-export';
export type { AccountDateFilter } from '../api/accounts';

export interface SortItem {
  key: string;
  order: 'asc' | 'desc';
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

let countsGeneration = 0;

export const useAccountsStore = defineStore('accounts', () => {
  const organizations = useOrganizationsStore();
  const sortBy = ref<SortItem[]>([]);
  const search = ref('');
  const status = ref<AccountStatus | null>(null);
  /** Set when a report's chart opened the grid: a time window on one of the account's dates. */
  const dateFilter = ref<AccountDateFilter | null>(null);
  /** Accounts per status for the current scope and search (null while unknown). */
  const counts = ref<Record<AccountStatus, number> | null>(null);
  const countsTotal = ref<number | null>(null);
  /** Selected account ids (kept across pages) and the accounts themselves, for bulk actions. */
  const selectedIds = ref<string[]>([]);
  const selectedAccounts = ref<Record<string, Account>>({});

  /** Filters without paging: the export and the counts use them. */
  const filters = computed((): AccountQuery => {
    const sort = sortBy.value[0];
    return {
      organizationId: organizations.scopeId,
      includeSubOrganizations: organizations.includeSubOrganizations,
      status: status.value,
      q: search.value,
      dateFilter: dateFilter.value,
      sort: sort && sortFields[sort.key] ? `${sortFields[sort.key]}:${sort.order}` : null,
    };
  });

  const list = usePagedList<Account>(
    (paging, signal) =>
      organizations.scopeId ? listAccounts({ ...filters.value, ...paging }, signal) : null,
    {
      clampPage: true,
      onPage: (page) => {
        for (const account of page.items) {
          if (selectedAccounts.value[account.id]) selectedAccounts.value[account.id] = account;
        }
      },
    },
  );
  const { items, total, page, pageSize, loading, error, settled: loadedOnce } = list;

  const selection = computed((): Account[] =>
    selectedIds.value.map((id) => selectedAccounts.value[id]).filter((account) => !!account),
  );
  /** True when the scope has no account at all (not just none matching the filters). */
  const scopeIsEmpty = computed(() => countsTotal.value === 0 && !search.value.trim());

  /** Loads the current page; a newer request cancels an older one so results never arrive out of order. */
  const { load, setPaging } = list;

  /** Totals per status for the chips: one grouped count from the service. */
  async function loadCounts(): Promise<void> {
    if (!organizations.scopeId) return;
    const generation = ++countsGeneration;
    try {
      const answer = await countAccounts(filters.value);
      if (generation !== countsGeneration) return;
      counts.value = { ...answer.byStatus };
      countsTotal.value = answer.total;
    } catch {
      // The chips simply show no counts; the grid reports the problem.
      if (generation === countsGeneration) counts.value = null;
    }
  }

  /** Reloads page and counts (after a change, a scope switch or Retry). */
  async function refresh(): Promise<void> {
    await Promise.all([load(), loadCounts()]);
  }

  function setSelection(ids: string[]): void {
    const known = new Map(items.value.map((account) => [account.id, account]));
    const next: Record<string, Account> = {};
    for (const id of ids) {
      const account = known.get(id) ?? selectedAccounts.value[id];
      if (account) next[id] = account;
    }
    selectedIds.value = ids.filter((id) => next[id]);
    selectedAccounts.value = next;
  }
  function clearSelection(): void {
    selectedIds.value = [];
    selectedAccounts.value = {};
  }
  /** Replaces an account in the page and the selection after an edit. */
  function replace(account: Account): void {
    const index = items.value.findIndex((item) => item.id === account.id);
    if (index >= 0) items.value.splice(index, 1, account);
    if (selectedAccounts.value[account.id]) selectedAccounts.value[account.id] = account;
  }

  /** Every account matching the grid's filters, saved as CSV through main's dialog. */
  function exportFiltered(): Promise<ExportOutcome> {
    return exportMatching(filters.value);
  }

  return {
    items,
    total,
    page,
    pageSize,
    loading,
    error,
    loadedOnce,
    sortBy,
    search,
    status,
    dateFilter,
    counts,
    countsTotal,
    selectedIds,
    selectedAccounts,
    filters,
    selection,
    scopeIsEmpty,
    load,
    setPaging,
    loadCounts,
    refresh,
    setSelection,
    clearSelection,
    replace,
    exportFiltered,
    exportSelected,
    // The service's account actions, for the dialogs and panels (errors are thrown to them).
    get: getAccount,
    create: createAccount,
    update: updateAccount,
    invite: inviteAccounts,
    resendInvitations,
    suspend: suspendAccounts,
    checkMove,
    move: moveAccounts,
    remove: deleteAccounts,
  };
});
