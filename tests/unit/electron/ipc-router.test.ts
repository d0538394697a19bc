// The Electron-independent IPC router over the real services (real files, a real HTTP auth
// server): contract validation both ways, readable error envelopes, every channel handled.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcEnvelope } from '../../../common/ipc/contract';
import { createIpcHandlers, type IpcHandlers } from '../../../electron/main/ipc/handlers';
import { createIpcRouter, createIpcRouterFromHandlers } from '../../../electron/main/ipc/router';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { MainError } from '../../../electron/main/services/main-error';
import { startAuthServiceDouble, type AuthServiceDouble } from './support/auth-service-double';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads values of any channel
type Loose = any;

describe('IPC router over the real services', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let auth: AuthServiceDouble;
  let services: MainServices;
  let savePath: string | undefined;
  const opened: string[] = [];

  beforeEach(async () => {
    temp = await makeTempDir();
    auth = await startAuthServiceDouble();
    savePath = path.join(temp.dir, 'accounts.csv');
    opened.length = 0;
    services = createMainServices({
      dataDir: temp.dir,
      safeStorage: createSafeStorageDouble({ key: randomBytes(32) }),
      dialogs: {
        showSaveDialog: async () =>
          savePath ? { canceled: false, filePath: savePath } : { canceled: true },
      },
      shell: { openExternal: async (url) => void opened.push(url) },
      platform: 'linux',
    });
  });
  afterEach(async () => {
    await services.dispose();
    await auth.close();
    await temp.remove();
  });

  // Arguments and results cross a structured clone, as over Electron IPC.
  const call = async (
    router: ReturnType<typeof createIpcRouter>,
    channel: string,
    args?: unknown,
  ) => structuredClone(await router.invoke(channel, structuredClone(args))) as IpcEnvelope<Loose>;

  it('has a handler for every contract channel', () => {
    expect(Object.keys(createIpcHandlers(services)).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(createIpcRouter(services).channels).toEqual(IPC_CHANNELS);
  });

  it('saves a profile, signs in without ever returning the refresh token, and keeps prefs', async () => {
    const router = createIpcRouter(services);
    const saved = await call(router, 'profiles:save', {
      name: 'Head office',
      serviceUrl: `${auth.url}/`,
      administratorEmail: auth.email,
      rememberPassword: true,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { serviceUrl: auth.url, local: false, canResume: false },
    });
    const profileId = saved.ok ? saved.value.id : '';

    const signedIn = await call(router, 'session:signIn', {
      profileId,
      password: auth.password,
      remember: true,
    });
    expect(signedIn.ok).toBe(true);
    expect(JSON.stringify(signedIn)).not.toMatch(/rt-|refreshToken/);

    const list = await call(router, 'profiles:list');
    expect(list).toMatchObject({ ok: true, value: [{ id: profileId, canResume: true }] });

    // Renaming keeps the saved sign-in; pointing the profile at another service forgets it.
    const listed = list.ok ? list.value[0] : undefined;
    expect(await call(router, 'profiles:save', { ...listed, name: 'HQ' })).toMatchObject({
      ok: true,
      value: { name: 'HQ', canResume: true, local: false },
    });
    expect(
      await call(router, 'profiles:save', { ...listed, serviceUrl: 'https://elsewhere.example' }),
    ).toMatchObject({ ok: true, value: { canResume: false } });

    expect(
      await call(router, 'prefs:set', { theme: 'dark', lastProfileId: profileId }),
    ).toMatchObject({
      ok: true,
      value: { theme: 'dark', lastProfileId: profileId },
    });
    expect(await call(router, 'profiles:delete', { profileId })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect(await call(router, 'prefs:get')).toMatchObject({
      ok: true,
      value: { lastProfileId: null },
    });
    expect(await call(router, 'session:resume', { profileId })).toMatchObject({
      ok: true,
      value: { resumed: false, code: 'PROFILE_NOT_FOUND' },
    });
  });

  it('refuses bad arguments before any service runs, with a sentence', async () => {
    const router = createIpcRouter(services);
    const bad = await call(router, 'profiles:save', {
      name: 'x',
      serviceUrl: 'javascript:alert(1)',
      administratorEmail: 'a@b.co',
      rememberPassword: false,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/http:\/\/ or https:\/\//);
    expect(services.profiles.list()).toEqual([]);

    expect(await call(router, 'prefs:set', { pageSize: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS' },
    });
    expect(await call(router, 'prefs:set', { admin: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS' },
    });
    expect(services.prefs.get().pageSize).toBe(50);
    expect(
      await call(router, 'files:saveCsv', { suggestedName: '../../etc/passwd', content: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS' },
    });
    expect(await call(router, 'nope:nothing')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('does not call the handler when arguments are refused', async () => {
    const calls: string[] = [];
    const handlers = createIpcHandlers(services);
    const spied = Object.fromEntries(
      Object.entries(handlers).map(([channel, handler]) => [
        channel,
        (args: never) => {
          calls.push(channel);
          return (handler as (a: never) => unknown)(args);
        },
      ]),
    ) as IpcHandlers;
    const router = createIpcRouterFromHandlers(spied);
    await call(router, 'session:signIn', { profileId: 42, remember: 'yes' });
    await call(router, 'shell:openExternal', {});
    expect(calls).toEqual([]);
    await call(router, 'vault:status');
    expect(calls).toEqual(['vault:status']);
  });

  it('turns service errors into readable envelopes, and hides unexpected ones', async () => {
    const logged: string[] = [];
    const handlers = createIpcHandlers(services);
    const router = createIpcRouterFromHandlers(
      {
        ...handlers,
        'app:info': () => {
          // Any code passes through unchanged, even one outside the union.
          throw new MainError('SOMETHING' as never, 'A sentence for the help desk.');
        },
        'vault:status': () => {
          throw new TypeError('x is undefined');
        },
        'prefs:get': () => ({ theme: 'neon' }) as never,
      },
      { logError: (message) => void logged.push(message) },
    );
    expect(await call(router, 'app:info')).toEqual({
      ok: false,
      error: { code: 'SOMETHING', message: 'A sentence for the help desk.' },
    });
    const unexpected = await call(router, 'vault:status');
    expect(unexpected).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(unexpected)).not.toContain('x is undefined');
    expect(await call(router, 'prefs:get')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(logged).toHaveLength(2);
  });

  it('saves the CSV export where the dialog says, with a BOM, and reports a cancel', async () => {
    const router = createIpcRouter(services);
    const content = 'First Name,Last Name\r\nZoë,Ångström\r\n';
    expect(await call(router, 'files:saveCsv', { suggestedName: 'accounts', content })).toEqual({
      ok: true,
      value: { saved: true, filePath: savePath },
    });
    expect(await readFile(savePath!, 'utf8')).toBe(`\uFEFF${content}`);
    savePath = path.join(temp.dir, 'no-such-folder', 'accounts.csv');
    const refused = await call(router, 'files:saveCsv', { suggestedName: 'a.csv', content });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_NOT_SAVED' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(/could not be saved.*ENOENT.*another folder/);
    savePath = undefined;
    expect(await call(router, 'files:saveCsv', { suggestedName: 'a.csv', content })).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('opens only allow-listed external links (exact origin), never a saved profile’s service', async () => {
    const router = createIpcRouter(services);
    expect(
      await call(router, 'shell:openExternal', { url: 'https://help.linedesk.app/accounts' }),
    ).toEqual({
      ok: true,
      value: { opened: true },
    });
    for (const url of [
      'https://help.linedesk.app.evil.example/x',
      'http://help.linedesk.app/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      auth.url,
    ]) {
      expect(await call(router, 'shell:openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'LINK_NOT_ALLOWED' },
      });
    }
    services.profiles.save({
      name: 'S',
      serviceUrl: auth.url,
      administratorEmail: auth.email,
      rememberPassword: false,
    });
    // Security rule: a profile (which the renderer writes) does not widen the allow-list.
    expect(
      await call(router, 'shell:openExternal', { url: `${auth.url}/api/v1/openapi.json` }),
    ).toMatchObject({ ok: false, error: { code: 'LINK_NOT_ALLOWED' } });
    expect(opened).toEqual(['https://help.linedesk.app/accounts']);
  });

  it('answers app info and vault status', async () => {
    const router = createIpcRouter(services);
    expect(await call(router, 'app:info')).toMatchObject({
      ok: true,
      value: { name: 'Linedesk', electronVersion: null },
    });
    expect(await call(router, 'vault:status', null)).toEqual({
      ok: true,
      value: { available: true, backend: 'gnome_libsecret' },
    });
  });
});
