// The organization data main cached for the CSV checks (profiles, pool numbers, existing contacts):
// when it was fetched and why a refresh failed. Only names and counts reach the renderer.
import { defineStore } from 'pinia';
import type { MetadataStatus } from '../../../common/ipc/csv-contract';
import { linedesk } from '../bridge/linedesk';
import { errorMessage } from '../api/api-error';
import { useSessionStore } from './session';

interface State {
  status: MetadataStatus | null;
  refreshing: boolean;
  /** A sentence when main could not be asked at all. */
  error: string | null;
}

export const useChecksCacheStore = defineStore('checksCache', {
  state: (): State => ({ status: null, refreshing: false, error: null }),
  getters: {
    cachedAt: (state) => state.status?.cachedAt ?? null,
    /** The last refresh failed: the service is away, the kept data is used meanwhile. */
    stale: (state) => (state.status?.message ?? null) !== null,
  },
  actions: {
    async load(): Promise<void> {
      const profileId = useSessionStore().profile?.id;
      try {
        this.status = await linedesk().metadata.status(profileId ? { profileId } : undefined);
        this.error = null;
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    /** Fetches the data again from the service; on failure the kept data stays (status says why). */
    async refresh(): Promise<void> {
      const profileId = useSessionStore().profile?.id;
      if (!profileId || this.refreshing) return;
      this.refreshing = true;
      try {
        this.status = await linedesk().metadata.refresh({ profileId });
        this.error = null;
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.refreshing = false;
      }
    },
  },
});
