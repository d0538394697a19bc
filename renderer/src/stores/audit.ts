// Audit store: one page of the activity log (oldest first, as the service lists it) with the
// Activity report's filters — administrator, action, dates — in the top bar's organization scope.
import { defineStore } from 'pinia';
import { exportAuditEventsCsv, listAuditEvents, type AuditFilter } from '../api/audit';
import { errorMessage } from '../api/api-error';
import type { AuditEvent } from '../../../common/api/audit';
import { useOrganizationsStore } from './organizations';
import { usePreferencesStore } from './preferences';

interface State {
  events: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  /** Exact action code filter (e.g. `account.created`); empty = every action. */
  action: string;
  /** The acting administrator; null = anyone. */
  administratorId: string | null;
  /** Inclusive local dates `YYYY-MM-DD`; empty = open-ended. */
  from: string;
  to: string;
  loading: boolean;
  error: string | null;
  loaded: boolean;
}

export const useAuditStore = defineStore('audit', {
  state: (): State => ({
    events: [],
    total: 0,
    page: 1,
    pageSize: 50,
    action: '',
    administratorId: null,
    from: '',
    to: '',
    loading: false,
    error: null,
    loaded: false,
  }),
  getters: {
    /** The filters of the list and of its export. */
    filter(state): AuditFilter {
      const organizations = useOrganizationsStore();
      return {
        organizationId: organizations.scopeId,
        includeSubOrganizations: organizations.includeSubOrganizations,
        action: state.action || undefined,
        administratorId: state.administratorId,
        from: state.from || null,
        to: state.to || null,
        timeZone: usePreferencesStore().timeZone,
      };
    },
  },
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        const page = await listAuditEvents({
          ...this.filter,
          page: this.page,
          pageSize: this.pageSize,
        });
        this.events = page.items;
        this.total = page.total;
        this.error = null;
        this.loaded = true;
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.loading = false;
      }
    },
    /** Every matching event as CSV text (the service's formula-safe writer). */
    exportCsv(): Promise<string> {
      return exportAuditEventsCsv(this.filter);
    },
  },
});
