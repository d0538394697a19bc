// Audit store: one page of the activity log (oldest first, as the service lists it) with the
// Activity report's filters — administrator, action, dates — in the top bar's organization scope.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { exportAuditEventsCsv, listAuditEvents, type AuditFilter } from '../api/audit';
import type { AuditEvent } from '../../../common/api/audit';
import { useOrganizationsStore } from './organizations';
import { usePagedList } from './paged-list';
import { usePreferencesStore } from './preferences';

export const useAuditStore = defineStore('audit', () => {
  const organizations = useOrganizationsStore();
  const preferences = usePreferencesStore();
  /** Exact action code filter (e.g. `account.created`); empty = every action. */
  const action = ref('');
  /** The acting administrator; null = anyone. */
  const administratorId = ref<string | null>(null);
  /** Inclusive local dates `YYYY-MM-DD`; empty = open-ended. */
  const from = ref('');
  const to = ref('');

  /** The filters of the list and of its export. */
  const filter = computed((): AuditFilter => ({
    organizationId: organizations.scopeId,
    includeSubOrganizations: organizations.includeSubOrganizations,
    action: action.value || undefined,
    administratorId: administratorId.value,
    from: from.value || null,
    to: to.value || null,
    timeZone: preferences.timeZone,
  }));
  const list = usePagedList<AuditEvent>(({ page, pageSize }) =>
    listAuditEvents({ ...filter.value, page, pageSize }),
  );
  const { items: events, ...paging } = list;

  /** Every matching event as CSV text (the service's formula-safe writer). */
  function exportCsv(): Promise<string> {
    return exportAuditEventsCsv(filter.value);
  }

  /** Back to the newest events after a filter changed (the log is listed oldest first). */
  function refilter(): Promise<void> {
    list.page.value = 1;
    return list.loadLast();
  }

  return { events, ...paging, action, administratorId, from, to, filter, exportCsv, refilter };
});
