// Session over REAL HTTP against a small local server speaking api.md's auth shapes (login,
// rotating refresh, logout, me). The refresh token must never be stored in clear nor returned.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../electron/main/services/credential-vault';
import { createConfStoreFactory } from '../../../electron/main/services/key-value-store';
import { createProfileStore } from '../../../electron/main/services/profiles';
import { createSessionService, refreshTokenKey } from '../../../electron/main/services/session';
import { startAuthServiceDouble, type AuthServiceDouble } from './support/auth-service-double';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

describe('session service (against a local auth server)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let service: AuthServiceDouble;
  let keychainKey: Buffer;
  beforeEach(async () => {
    keychainKey = randomBytes(32);
    temp = await makeTempDir();
    service = await startAuthServiceDouble();
  });
  afterEach(async () => {
    await service.close();
    await temp.remove();
  });

  /** A main process's services over the test's folder and keychain. */
  function services(backend = 'gnome_libsecret') {
    const stores = createConfStoreFactory(temp.dir);
    const safeStorage = createSafeStorageDouble({ backend, key: keychainKey });
    const vault = createCredentialVault({ safeStorage, store: stores('vault'), platform: 'linux' });
    const profiles = createProfileStore({ store: stores('profiles') });
    return { vault, profiles, session: createSessionService({ profiles, vault }) };
  }

  function setUp(backend = 'gnome_libsecret') {
    const built = services(backend);
    const profile = built.profiles.save({
      name: 'Test',
      serviceUrl: service.url,
      administratorEmail: service.email,
      rememberPassword: false,
    });
    return { ...built, profile };
  }

  it('signs in with remember-me, keeps the refresh token encrypted, rotates it and resumes later', async () => {
    const { session, profile, vault, profiles } = setUp();
    const signedIn = await session.signIn({
      profileId: profile.id,
      password: service.password,
      remember: true,
    });
    expect(signedIn).toMatchObject({
      profileId: profile.id,
      remembered: true,
      passwordChangeRequired: false,
    });
    expect(signedIn.administrator.email).toBe(service.email);
    expect(JSON.stringify(signedIn)).not.toContain('rt-');
    expect(profiles.get(profile.id).rememberPassword).toBe(true);

    const [firstToken] = [...service.validRefreshTokens];
    const vaultText = await readFile(path.join(temp.dir, 'vault.json'), 'utf8');
    expect(vaultText).not.toContain(firstToken);
    expect(vaultText).not.toContain(service.password);
    expect(vault.get(refreshTokenKey(profile.id))).toBe(firstToken);

    const refreshed = await session.refresh(profile.id);
    expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
    expect(service.validRefreshTokens.has(firstToken!)).toBe(false);
    expect(vault.get(refreshTokenKey(profile.id))).toBe([...service.validRefreshTokens][0]);

    // A fresh main process (new service objects, same files) resumes from the stored token.
    const later = services().session;
    const resumed = await later.resume(profile.id);
    expect(resumed.resumed).toBe(true);
    expect(service.calls.filter((call) => call.path === '/auth/login')).toHaveLength(1);
  });

  it('two refreshes at once use the rotated token only once', async () => {
    const { session, profile } = setUp();
    await session.signIn({ profileId: profile.id, password: service.password, remember: false });
    const [a, b] = await Promise.all([session.refresh(profile.id), session.refresh(profile.id)]);
    expect(a.accessToken).toBe(b.accessToken);
    expect(service.calls.filter((call) => call.path === '/auth/refresh')).toHaveLength(1);
  });

  it('without remember-me nothing is written, and resume says it cannot', async () => {
    const { session, profile, vault } = setUp();
    await session.signIn({ profileId: profile.id, password: service.password, remember: false });
    expect(vault.has(refreshTokenKey(profile.id))).toBe(false);
    const resumed = await services().session.resume(profile.id);
    expect(resumed).toMatchObject({ resumed: false, code: 'NOTHING_SAVED' });
  });

  it('with basic_text, remember-me signs in but keeps nothing and explains why', async () => {
    const { session, profile, vault } = setUp('basic_text');
    const signedIn = await session.signIn({
      profileId: profile.id,
      password: service.password,
      remember: true,
    });
    expect(signedIn.remembered).toBe(false);
    expect(signedIn.notice).toMatch(/keyring/i);
    expect(vault.has(refreshTokenKey(profile.id))).toBe(false);
    const text = await readFile(path.join(temp.dir, 'vault.json'), 'utf8').catch(() => '');
    expect(text).not.toContain(service.password);
  });

  it('a wrong password gives the service sentence; sign-out revokes and wipes the token', async () => {
    const { session, profile, vault } = setUp();
    await expect(
      session.signIn({ profileId: profile.id, password: 'wrong', remember: false }),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email address or password is not correct.',
    });
    await session.signIn({ profileId: profile.id, password: service.password, remember: true });
    await session.signOut(profile.id);
    expect(service.validRefreshTokens.size).toBe(0);
    expect(vault.has(refreshTokenKey(profile.id))).toBe(false);
    await expect(session.refresh(profile.id)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('a revoked refresh token falls back to the saved password on resume', async () => {
    const { session, profile } = setUp();
    await session.signIn({ profileId: profile.id, password: service.password, remember: true });
    service.validRefreshTokens.clear();
    const resumed = await session.resume(profile.id);
    expect(resumed.resumed).toBe(true);
    expect(service.calls.filter((call) => call.path === '/auth/login')).toHaveLength(2);
  });

  it('an unreachable service is reported as such and keeps what was saved', async () => {
    const { session, profile, vault } = setUp();
    await session.signIn({ profileId: profile.id, password: service.password, remember: true });
    await service.close();
    const resumed = await session.resume(profile.id);
    expect(resumed).toMatchObject({ resumed: false, code: 'SERVICE_UNREACHABLE' });
    if (!resumed.resumed) expect(resumed.message).toMatch(/could not reach/);
    expect(vault.has(refreshTokenKey(profile.id))).toBe(true);
    service = await startAuthServiceDouble();
  });
});
