// Reports store: the dashboard's date range and numbers for the top bar's organization scope, and
// the follow-up queue (one page, its selection, Resend).
import { defineStore } from 'pinia';
import { errorMessage } from '../api/api-error';
import { resendInvitations } from '../api/accounts';
import { getReportSummary, listFollowUps } from '../api/reports';
import type { AccountActionResults } from '../../../common/api/accounts';
import type { FollowUpItem, ReportSummary } from '../../../common/api/reports';
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
  followUps: FollowUpItem[];
  followUpTotal: number;
  followUpPage: number;
  followUpPageSize: number;
  /** null = the organization's followUpDays. */
  olderThanDays: number | null;
  /** The N the service used for the page on screen. */
  usedOlderThanDays: number | null;
  followUpLoading: boolean;
  followUpError: string | null;
  selectedIds: string[];
}

let summaryRequest: AbortController | null = null;

export const useReportsStore = defineStore('reports', {
  state: (): State => ({
    from: '',
    to: '',
    summary: null,
    loading: false,
    error: null,
    followUps: [],
    followUpTotal: 0,
    followUpPage: 1,
    followUpPageSize: 50,
    olderThanDays: null,
    usedOlderThanDays: null,
    followUpLoading: false,
    followUpError: null,
    selectedIds: [],
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

    async loadFollowUps(): Promise<void> {
      const organizations = useOrganizationsStore();
      if (!organizations.scopeId) return;
      this.followUpLoading = true;
      try {
        const page = await listFollowUps({
          organizationId: organizations.scopeId,
          includeSubOrganizations: organizations.includeSubOrganizations,
          olderThanDays: this.olderThanDays,
          page: this.followUpPage,
          pageSize: this.followUpPageSize,
        });
        this.followUps = page.items;
        this.followUpTotal = page.total;
        this.usedOlderThanDays = page.olderThanDays;
        this.followUpError = null;
        const onPage = new Set(page.items.map((item) => item.id));
        this.selectedIds = this.selectedIds.filter((id) => onPage.has(id));
      } catch (error) {
        this.followUpError = errorMessage(error);
      } finally {
        this.followUpLoading = false;
      }
    },

    /** Resends the selected invitations (Accounts privilege), then reloads the queue. */
    async resendSelected(): Promise<AccountActionResults> {
      const results = await resendInvitations(this.selectedIds);
      this.selectedIds = [];
      await this.loadFollowUps();
      return results;
    },
  },
});
