// Keeps secrets (refresh tokens, remembered passwords, the local administrator's password)
// encrypted with the operating system's keychain through safeStorage; only ciphertext is stored.
// Refuses to store anything when safeStorage has no real backend (Linux `basic_text`).
import type { VaultStatus } from '../../../common/ipc/contract';
import type { KeyValueStore } from './key-value-store';
import { MainError } from './main-error';

/** The part of Electron's safeStorage the vault uses, so Node tests can pass a test double. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron: `basic_text`, `gnome_libsecret`, `kwallet`, `kwallet5`, `kwallet6`, `unknown`. */
  getSelectedStorageBackend?(): string;
}

export interface CredentialVault {
  status(): VaultStatus;
  /** Encrypts and stores; throws VAULT_UNAVAILABLE when secrets cannot be kept safely. */
  put(key: string, secret: string): void;
  /** The secret, or null when absent or no longer readable (then it is removed). */
  get(key: string): string | null;
  has(key: string): boolean;
  delete(key: string): void;
  /** Removes every secret whose key starts with `prefix` (e.g. all of one profile's). */
  deleteWhere(prefix: string): void;
}

const SECRETS_KEY = 'secrets';

/** The backend's name as reported on this platform. */
function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
}

export function createCredentialVault(options: {
  safeStorage: SafeStorageLike;
  store: KeyValueStore;
  platform?: NodeJS.Platform;
}): CredentialVault {
  const { safeStorage, store } = options;
  const platform = options.platform ?? process.platform;

  function status(): VaultStatus {
    if (!safeStorage.isEncryptionAvailable()) {
      return {
        available: false,
        backend: 'unavailable',
        reason:
          'This computer offers no secure storage to Linedesk, so passwords and sign-ins are not remembered; you will enter your password each time.',
      };
    }
    const backend = backendName(safeStorage, platform);
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        available: false,
        backend,
        reason:
          'No keyring (such as GNOME Keyring or KWallet) is running on this computer, so Linedesk will not remember passwords or sign-ins: they would be stored unprotected.',
      };
    }
    return { available: true, backend };
  }

  function secrets(): Record<string, string> {
    const value = store.get(SECRETS_KEY);
    return value && typeof value === 'object' ? { ...(value as Record<string, string>) } : {};
  }

  function save(all: Record<string, string>): void {
    store.set(SECRETS_KEY, all);
  }

  function remove(key: string): void {
    const all = secrets();
    if (key in all) {
      delete all[key];
      save(all);
    }
  }

  return {
    status,
    put(key, secret) {
      const current = status();
      if (!current.available) throw new MainError('VAULT_UNAVAILABLE', current.reason ?? '');
      const cipher = safeStorage.encryptString(secret).toString('base64');
      save({ ...secrets(), [key]: cipher });
    },
    get(key) {
      const cipher = secrets()[key];
      if (cipher === undefined) return null;
      if (!status().available) return null;
      try {
        return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
      } catch {
        // Encrypted by another user or keychain: useless now, so forget it.
        remove(key);
        return null;
      }
    },
    has(key) {
      return secrets()[key] !== undefined;
    },
    delete: remove,
    deleteWhere(prefix) {
      const all = secrets();
      const kept = Object.fromEntries(
        Object.entries(all).filter(([key]) => !key.startsWith(prefix)),
      );
      if (Object.keys(kept).length !== Object.keys(all).length) save(kept);
    },
  };
}
