// A stand-in for Electron's safeStorage in the test process: a real (reversible) transformation so only
// "ciphertext" is stored, and a switch to play a machine without secure storage.
import type { SafeStorageLike } from '../../../electron/main/services/credential-vault';

const marker = 'linedesk-test-vault:';

export function createSafeStorageDouble(
  options: { available?: boolean; backend?: string } = {},
): SafeStorageLike {
  const available = options.available ?? true;
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plainText) =>
      Buffer.from(marker + Buffer.from(plainText, 'utf8').toString('base64'), 'utf8'),
    decryptString: (encrypted) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith(marker)) throw new Error('Not encrypted by this test vault.');
      return Buffer.from(text.slice(marker.length), 'base64').toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}
