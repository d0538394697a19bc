// Saved connection profiles (name, service address, administrator email, remember-me). Never
// holds a secret: passwords and tokens live in the credential vault under the profile's id.
import { randomUUID } from 'node:crypto';
import { profileInputSchema, type ProfileInput } from '../../../common/ipc/contract';
import type { KeyValueStore } from './key-value-store';
import { MainError } from './main-error';

export interface StoredProfile {
  id: string;
  name: string;
  serviceUrl: string;
  administratorEmail: string;
  rememberPassword: boolean;
  local: boolean;
}

export interface ProfileStore {
  list(): StoredProfile[];
  /** The profile, or PROFILE_NOT_FOUND. */
  get(id: string): StoredProfile;
  find(id: string): StoredProfile | undefined;
  /** Creates (no id) or edits a profile; the `local` flag is set only by main. */
  save(input: ProfileInput, options?: { local?: boolean }): StoredProfile;
  delete(id: string): void;
  findLocal(): StoredProfile | undefined;
  /** The service origins of every profile: the CSP's connect-src. */
  serviceOrigins(): string[];
}

const PROFILES_KEY = 'profiles';

function isStoredProfile(value: unknown): value is StoredProfile {
  const profile = value as StoredProfile;
  return (
    typeof profile === 'object' &&
    profile !== null &&
    typeof profile.id === 'string' &&
    typeof profile.name === 'string' &&
    typeof profile.serviceUrl === 'string' &&
    typeof profile.administratorEmail === 'string'
  );
}

export function createProfileStore(options: {
  store: KeyValueStore;
  newId?: () => string;
}): ProfileStore {
  const { store } = options;
  const newId = options.newId ?? randomUUID;

  function list(): StoredProfile[] {
    const value = store.get(PROFILES_KEY);
    if (!Array.isArray(value)) return [];
    return value.filter(isStoredProfile).map((profile) => ({
      ...profile,
      rememberPassword: profile.rememberPassword === true,
      local: profile.local === true,
    }));
  }

  function find(id: string): StoredProfile | undefined {
    return list().find((profile) => profile.id === id);
  }

  return {
    list,
    find,
    get(id) {
      const profile = find(id);
      if (!profile) {
        throw new MainError(
          'PROFILE_NOT_FOUND',
          'This connection no longer exists. Choose another one or add it again.',
        );
      }
      return profile;
    },
    save(input, saveOptions) {
      const result = profileInputSchema.safeParse(input);
      if (!result.success) {
        throw new MainError(
          'INVALID_PROFILE',
          result.error.issues[0]?.message ?? 'Check the connection details.',
        );
      }
      const parsed = result.data;
      const all = list();
      const existing = parsed.id ? all.find((profile) => profile.id === parsed.id) : undefined;
      if (parsed.id && !existing) {
        throw new MainError(
          'PROFILE_NOT_FOUND',
          'This connection no longer exists, so it cannot be edited. Add it again.',
        );
      }
      const profile: StoredProfile = {
        id: existing?.id ?? newId(),
        name: parsed.name,
        serviceUrl: parsed.serviceUrl,
        administratorEmail: parsed.administratorEmail.toLowerCase(),
        rememberPassword: parsed.rememberPassword,
        local: saveOptions?.local ?? existing?.local ?? false,
      };
      const next = existing
        ? all.map((item) => (item.id === profile.id ? profile : item))
        : [...all, profile];
      store.set(PROFILES_KEY, next);
      return profile;
    },
    delete(id) {
      store.set(
        PROFILES_KEY,
        list().filter((profile) => profile.id !== id),
      );
    },
    findLocal() {
      return list().find((profile) => profile.local);
    },
    serviceOrigins() {
      const origins = new Set<string>();
      for (const profile of list()) {
        try {
          origins.add(new URL(profile.serviceUrl).origin);
        } catch {
          // A profile saved by an older version with a bad address: it simply gets no access.
        }
      }
      return [...origins];
    },
  };
}
