// The saved connections the Sign in screen offers: which one is chosen, whether its password is kept by
// the operating system's vault, saving a new or edited one, and forgetting one.
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import { linedesk, type ConnectionProfile, type VaultStatus } from '../../bridge/linedesk';

/** The choice in the list that stands for a connection not saved yet. */
export const newConnection = '__new__';

/** What a new connection or a changed one is saved with. */
export interface ProfileDraft {
  name: string;
  serviceUrl: string;
  administratorEmail: string;
  rememberPassword: boolean;
}

/** The connections, the chosen one, and what can be done with them. */
export interface ConnectionProfiles {
  profiles: Ref<ConnectionProfile[]>;
  selectedId: Ref<string>;
  selected: ComputedRef<ConnectionProfile | null>;
  remoteProfiles: ComputedRef<ConnectionProfile[]>;
  localProfile: ComputedRef<ConnectionProfile | null>;
  /** Why passwords cannot be remembered on this computer, or null when they can. */
  vaultReason: ComputedRef<string | null>;
  /** The chosen connection can sign in with its remembered password. */
  savedPasswordAvailable: ComputedRef<boolean>;
  load(): Promise<void>;
  /** Saves the chosen connection (or a new one) with `draft` and chooses it. */
  save(draft: ProfileDraft): Promise<ConnectionProfile>;
  /** Forgets the chosen connection and chooses the next one. */
  forgetSelected(): Promise<void>;
}

/** The Sign in screen's connection list, read from and saved through main. */
export function useConnectionProfiles(): ConnectionProfiles {
  const profiles = ref<ConnectionProfile[]>([]);
  const vault = ref<VaultStatus | null>(null);
  const selectedId = ref<string>(newConnection);

  const selected = computed(
    () => profiles.value.find((profile) => profile.id === selectedId.value) ?? null,
  );
  const remoteProfiles = computed(() => profiles.value.filter((profile) => !profile.local));

  async function load(): Promise<void> {
    const bridge = linedesk();
    const [list, status] = await Promise.all([bridge.profiles.list(), bridge.vault.status()]);
    profiles.value = list;
    vault.value = status;
  }

  return {
    profiles,
    selectedId,
    selected,
    remoteProfiles,
    localProfile: computed(() => profiles.value.find((profile) => profile.local) ?? null),
    vaultReason: computed(() =>
      vault.value && !vault.value.available
        ? (vault.value.reason ??
          'This computer offers no secure storage, so Linedesk will not keep your password. You will type it each time.')
        : null,
    ),
    savedPasswordAvailable: computed(
      () => !!selected.value?.rememberPassword && !!selected.value?.canResume,
    ),
    load,
    async save(draft) {
      const current = selected.value;
      const saved = await linedesk().profiles.save({
        ...(current ? { id: current.id } : {}),
        ...draft,
      });
      await load();
      selectedId.value = saved.id;
      return saved;
    },
    async forgetSelected() {
      const current = selected.value;
      if (!current) return;
      await linedesk().profiles.delete({ profileId: current.id });
      await load();
      selectedId.value = remoteProfiles.value[0]?.id ?? newConnection;
    },
  };
}
