// The administrator's preferences kept on this computer: time zone, theme, last connection, page size.
import {
  prefsPatchSchema,
  prefsSchema,
  type Prefs,
  type PrefsPatch,
} from '../../../common/ipc/contract';
import type { KeyValueStore } from './key-value-store';

export interface PrefsStore {
  get(): Prefs;
  set(patch: PrefsPatch): Prefs;
}

const PREFS_KEY = 'prefs';

/** The computer's own time zone, else US Central (the product's reference zone). */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && prefsSchema.shape.timeZone.safeParse(zone).success ? zone : 'America/Chicago';
}

export function createPrefsStore(options: {
  store: KeyValueStore;
  defaultTimeZone?: string;
}): PrefsStore {
  const { store } = options;
  const defaults: Prefs = {
    timeZone: options.defaultTimeZone ?? systemTimeZone(),
    theme: 'system',
    lastProfileId: null,
    pageSize: 50,
  };

  function get(): Prefs {
    const saved = store.get(PREFS_KEY);
    const merged = { ...defaults, ...(saved && typeof saved === 'object' ? saved : {}) };
    const parsed = prefsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep every saved value that is still valid; fall back per field for the rest.
    const repaired = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof Prefs)[]) {
      const field = prefsSchema.shape[key].safeParse((merged as Record<string, unknown>)[key]);
      if (field.success) (repaired as Record<string, unknown>)[key] = field.data;
    }
    return repaired;
  }

  return {
    get,
    set(patch) {
      const next = { ...get(), ...prefsPatchSchema.parse(patch) };
      store.set(PREFS_KEY, next);
      return next;
    },
  };
}
