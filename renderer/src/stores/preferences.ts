// Preferences store: time zone, theme and page size, persisted by main through window.linedesk.prefs.
import { defineStore } from 'pinia';
import { linedesk, type PrefsPatch } from '../bridge/linedesk';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const pageSizes = [25, 50, 100, 500] as const;

interface State {
  timeZone: string;
  theme: ThemeChoice;
  pageSize: number;
  lastProfileId: string | null;
  systemPrefersDark: boolean;
  loaded: boolean;
}

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const darkQuery =
  typeof window !== 'undefined' && window.matchMedia
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

export const usePreferencesStore = defineStore('preferences', {
  state: (): State => ({
    timeZone: systemTimeZone(),
    theme: 'light',
    pageSize: 50,
    lastProfileId: null,
    systemPrefersDark: darkQuery?.matches ?? false,
    loaded: false,
  }),
  getters: {
    resolvedTheme(state): 'light' | 'dark' {
      if (state.theme === 'system') return state.systemPrefersDark ? 'dark' : 'light';
      return state.theme;
    },
  },
  actions: {
    /** Reads the saved preferences once; a missing bridge or value keeps the defaults. */
    async load(): Promise<void> {
      if (this.loaded) return;
      darkQuery?.addEventListener('change', (event) => {
        this.systemPrefersDark = event.matches;
      });
      try {
        this.apply(await linedesk().prefs.get());
      } catch {
        // Defaults are fine: preferences are a comfort, not a requirement to work.
      }
      this.loaded = true;
    },
    apply(saved: PrefsPatch): void {
      if (saved.timeZone) this.timeZone = saved.timeZone;
      if (saved.theme) this.theme = saved.theme;
      if (saved.pageSize && (pageSizes as readonly number[]).includes(saved.pageSize)) {
        this.pageSize = saved.pageSize;
      }
      if (saved.lastProfileId) this.lastProfileId = saved.lastProfileId;
    },
    /** Changes some preferences now and saves them through main. */
    async update(change: PrefsPatch): Promise<void> {
      this.apply(change);
      try {
        await linedesk().prefs.set(change);
      } catch {
        // Not saved: still applied for this session.
      }
    },
  },
});
