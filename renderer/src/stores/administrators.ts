// Administrators store: the paged list of administrators in the caller's subtree and the actions on it.
import { defineStore } from 'pinia';
import {
  deleteAdministrator,
  inviteAdministrator,
  listAdministrators,
  resendAdministratorInvitations,
  updateAdministrator,
} from '../api/administrators';
import { errorMessage } from '../api/api-error';
import type {
  Administrator,
  AdministratorResults,
  CreateAdministrator,
  UpdateAdministrator,
} from '../../../common/api/administrators';

interface State {
  administrators: Administrator[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  loading: boolean;
  /** Why the list could not be loaded, as a sentence; null when it loaded. */
  error: string | null;
  loaded: boolean;
}

export const useAdministratorsStore = defineStore('administrators', {
  state: (): State => ({
    administrators: [],
    total: 0,
    page: 1,
    pageSize: 50,
    q: '',
    loading: false,
    error: null,
    loaded: false,
  }),
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        const page = await listAdministrators({
          page: this.page,
          pageSize: this.pageSize,
          q: this.q.trim() || undefined,
        });
        this.administrators = page.items;
        this.total = page.total;
        this.error = null;
        this.loaded = true;
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.loading = false;
      }
    },
    /** Invites and reloads; errors are thrown for the dialog to show beside its fields. */
    async invite(body: CreateAdministrator): Promise<Administrator> {
      const created = await inviteAdministrator(body);
      await this.load();
      return created;
    },
    async update(id: string, change: UpdateAdministrator): Promise<Administrator> {
      const updated = await updateAdministrator(id, change);
      this.administrators = this.administrators.map((one) => (one.id === id ? updated : one));
      return updated;
    },
    async remove(id: string): Promise<void> {
      await deleteAdministrator(id);
      await this.load();
    },
    async resend(ids: string[]): Promise<AdministratorResults> {
      const results = await resendAdministratorInvitations(ids);
      await this.load();
      return results;
    },
    reset(): void {
      this.$reset();
    },
  },
});
