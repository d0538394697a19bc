// A safeStorage stand-in for Node: really encrypts (AES-256-GCM, key per instance) so tests can
// check that only ciphertext is stored, and can play a machine without a keyring (basic_text).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../../../../electron/main/services/credential-vault';

export interface SafeStorageDouble extends SafeStorageLike {
  available: boolean;
  backend: string;
}

/** Pass the same `key` to play the same user's keychain across "restarts". */
export function createSafeStorageDouble(
  options: { available?: boolean; backend?: string; key?: Buffer } = {},
): SafeStorageDouble {
  const key = options.key ?? randomBytes(32);
  return {
    available: options.available ?? true,
    backend: options.backend ?? 'gnome_libsecret',
    isEncryptionAvailable() {
      return this.available;
    },
    getSelectedStorageBackend() {
      return this.backend;
    },
    encryptString(plainText) {
      if (!this.available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
