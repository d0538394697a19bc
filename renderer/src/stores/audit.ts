// Audit store: one page of the activity log (oldest first, as the service lists it).
import { defineStore } from 'pinia';
import { listAuditEvents } from '../api/audit';
import { errorMessage } from '../api/api-error';
import type { AuditEvent } from '../../../common/api/audit';

interface State {
  events: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  /** Exact action code filter (e.g. `account.created`); empty = every action. */
  action: string;
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
    loading: false,
    error: null,
    loaded: false,
  }),
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        const page = await listAuditEvents({
          page: this.page,
          pageSize: this.pageSize,
          action: this.action || undefined,
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
  },
});
