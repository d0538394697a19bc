// The credential vault on real files: only ciphertext on disk, refusal without a real keyring.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../electron/main/services/credential-vault';
import { createConfStoreFactory } from '../../../electron/main/services/key-value-store';
import { MainError } from '../../../electron/main/services/main-error';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

describe('credential vault', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp.remove());

  const vaultFile = () => path.join(temp.dir, 'vault.json');

  it('stores only ciphertext and reads the secret back in a new process-like instance', async () => {
    const safeStorage = createSafeStorageDouble();
    const vault = createCredentialVault({
      safeStorage,
      store: createConfStoreFactory(temp.dir)('vault'),
      platform: 'linux',
    });
    vault.put('profile:p1:password', 'S3cret-password!');

    const onDisk = await readFile(vaultFile(), 'utf8');
    expect(onDisk).not.toContain('S3cret-password!');
    expect(onDisk).toContain('profile:p1:password');

    const reopened = createCredentialVault({
      safeStorage,
      store: createConfStoreFactory(temp.dir)('vault'),
      platform: 'linux',
    });
    expect(reopened.get('profile:p1:password')).toBe('S3cret-password!');
    expect(reopened.status()).toEqual({ available: true, backend: 'gnome_libsecret' });
  });

  it('refuses to store anything with the Linux basic_text backend, and says why', async () => {
    const safeStorage = createSafeStorageDouble({ backend: 'basic_text' });
    const vault = createCredentialVault({
      safeStorage,
      store: createConfStoreFactory(temp.dir)('vault'),
      platform: 'linux',
    });
    const status = vault.status();
    expect(status.available).toBe(false);
    expect(status.backend).toBe('basic_text');
    expect(status.reason).toMatch(/keyring/i);
    expect(() => vault.put('profile:p1:password', 'pw')).toThrowError(MainError);
    try {
      vault.put('k', 'v');
    } catch (error) {
      expect((error as MainError).code).toBe('VAULT_UNAVAILABLE');
    }
    const onDisk = await readFile(vaultFile(), 'utf8').catch(() => '');
    expect(onDisk).not.toContain('pw');
  });

  it('refuses when encryption is unavailable altogether', () => {
    const vault = createCredentialVault({
      safeStorage: createSafeStorageDouble({ available: false }),
      store: createConfStoreFactory(temp.dir)('vault'),
      platform: 'win32',
    });
    expect(vault.status()).toMatchObject({ available: false, backend: 'unavailable' });
    expect(() => vault.put('k', 'v')).toThrow(/secure storage/);
  });

  it('names the platform keychain on macOS and Windows', () => {
    const store = createConfStoreFactory(temp.dir)('vault');
    const safeStorage = createSafeStorageDouble({ backend: 'basic_text' });
    expect(createCredentialVault({ safeStorage, store, platform: 'darwin' }).status().backend).toBe(
      'keychain',
    );
    expect(createCredentialVault({ safeStorage, store, platform: 'win32' }).status().backend).toBe(
      'dpapi',
    );
  });

  it('forgets a secret another keychain encrypted, and deletes by prefix', () => {
    const store = createConfStoreFactory(temp.dir)('vault');
    const first = createCredentialVault({
      safeStorage: createSafeStorageDouble(),
      store,
      platform: 'linux',
    });
    first.put('profile:a:password', 'one');
    first.put('profile:a:refreshToken', 'two');
    first.put('profile:b:password', 'three');

    const otherKey = createCredentialVault({
      safeStorage: createSafeStorageDouble(),
      store,
      platform: 'linux',
    });
    expect(otherKey.get('profile:b:password')).toBeNull();
    expect(otherKey.has('profile:b:password')).toBe(false);

    first.deleteWhere('profile:a:');
    expect(first.has('profile:a:password')).toBe(false);
    expect(first.has('profile:a:refreshToken')).toBe(false);
  });
});
