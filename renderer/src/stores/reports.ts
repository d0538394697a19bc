// Reports store: the dashboard's date range and numbers for the top bar's organization scope (the
// follow-up queue has its own store, stores/follow-ups.ts).
import { defineStore } from 'pinia';
import { errorMessage } from '../api/api-error';
import { getReportSummary } from '../api/reports';
import type { ReportSummary } from '../../../common/api/reports';
import { addDays, localDate } from '../../../common/time/local-day';
import { useOrganizationsStore } from './organizations';
import { usePreferencesStore } from './preferences';

interface State {
  /** Inclusive local dates `YYYY-MM-DD`; empty until first load (then the 30 days ending today). */
  from: string;
  to: string;
  summary: ReportSummary | null;
  loading: boolean;
  error: string | null;
}

let summaryRequest: AbortController | null = null;

export const useReportsStore = defineStore('reports', {
  state: (): State => ({
    from: '',
    to: '',
    summary: null,
    loading: false,
    error: null,
  }),
  actions: {
    /** The last `days` days ending today in the admin's time zone. */
    setLastDays(days: number): void {
      const today = localDate(new Date(), usePreferencesStore().timeZone);
      this.to = today;
      this.from = addDays(today, -(days - 1));
    },

    async loadSummary(): Promise<void> {
      const organizations = useOrganizationsStore();
      if (!organizations.scopeId) return;
      if (!this.from || !this.to) this.setLastDays(30);
      summaryRequest?.abort();
      const request = new AbortController();
      summaryRequest = request;
      this.loading = true;
      try {
        const summary = await getReportSummary(
          {
            organizationId: organizations.scopeId,
            includeSubOrganizations: organizations.includeSubOrganizations,
            from: this.from,
            to: this.to,
            timeZone: usePreferencesStore().timeZone,
          },
          request.signal,
        );
        if (request.signal.aborted) return;
        this.summary = summary;
        this.error = null;
      } catch (error) {
        if (request.signal.aborted) return;
        this.error = errorMessage(error);
      } finally {
        if (summaryRequest === request) this.loading = false;
      }
    },
  },
});
