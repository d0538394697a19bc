// The desktop security baseline, pinned: window preferences, every Electron fuse, the exact IPC
// channel list (a file-reading channel cannot appear unnoticed), service addresses over http://
// only on this computer, connect-src following the signed-in service, and the external-link list.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../common/ipc/channels';
import { profileInputSchema, serviceUrlSchema } from '../../../common/ipc/contract';
import { buildContentSecurityPolicy } from '../../../electron/main/modules/content-security-policy';
import { secureWebPreferences } from '../../../electron/main/modules/window-manager';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { startAuthServiceDouble, type AuthServiceDouble } from './support/auth-service-double';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, file: string, options: null) => Promise<Record<string, unknown>>;
};

describe('window preferences', () => {
  it('keeps experimental features off, no Blink features, DevTools only in development', () => {
    const packaged = secureWebPreferences('/p/preload.cjs', false);
    expect(packaged.experimentalFeatures).toBe(false);
    expect(packaged).not.toHaveProperty('enableBlinkFeatures');
    expect(packaged.devTools).toBe(false);
    expect(secureWebPreferences('/p/preload.cjs', true).devTools).toBe(true);
    expect(Object.keys(packaged).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('packaging', () => {
  it('sets every Electron fuse, exactly', async () => {
    const config = (await getConfig(process.cwd(), 'electron-builder.yml', null)) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('IPC channels', () => {
  it('are exactly these (a new channel must be added here on purpose)', () => {
    expect([...IPC_CHANNELS]).toEqual([
      'app:info',
      'profiles:list',
      'profiles:save',
      'profiles:delete',
      'vault:status',
      'session:signIn',
      'session:refresh',
      'session:signOut',
      'session:resume',
      'localService:start',
      'localService:status',
      'localService:stop',
      'files:saveCsv',
      'files:savePng',
      'shell:openExternal',
      'prefs:get',
      'prefs:set',
      'csv:open',
      'csv:openDropped',
      'csv:cancelOpen',
      'csv:rows',
      'csv:edit',
      'csv:deleteRow',
      'csv:summary',
      'csv:recheck',
      'csv:exportProblems',
      'csv:saveAs',
      'drafts:list',
      'drafts:open',
      'drafts:delete',
      'drafts:setUpload',
      'recentFiles:list',
      'recentFiles:open',
      'metadata:status',
      'metadata:refresh',
      'upload:start',
      'upload:status',
      'upload:list',
      'upload:cancel',
      'upload:resume',
      'upload:forget',
      'upload:fixFailedRows',
    ]);
  });
});

describe('service addresses', () => {
  it('refuses http:// to another computer with a clear sentence', () => {
    for (const url of [
      'http://service.example.com',
      'http://10.0.0.5:8787',
      'http://127.example',
    ]) {
      const parsed = serviceUrlSchema.safeParse(url);
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(
        /Use https:\/\/ for a service on another computer/,
      );
    }
    const input = profileInputSchema.safeParse({
      name: 'Remote',
      serviceUrl: 'http://service.example.com',
      administratorEmail: 'a@b.co',
      rememberPassword: false,
    });
    expect(input.success).toBe(false);
  });

  it('accepts https:// anywhere and http:// on this computer', () => {
    for (const url of [
      'https://service.example.com',
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787',
    ]) {
      expect(serviceUrlSchema.safeParse(url).success, url).toBe(true);
    }
  });
});

describe('connect-src and external links', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let auth: AuthServiceDouble;
  let services: MainServices;
  const opened: string[] = [];

  beforeEach(async () => {
    temp = await makeTempDir();
    auth = await startAuthServiceDouble();
    services = createMainServices({
      dataDir: temp.dir,
      safeStorage: createSafeStorageDouble({ key: randomBytes(32) }),
      dialogs: { showSaveDialog: async () => ({ canceled: true }) },
      shell: { openExternal: async (url) => void opened.push(url) },
      platform: 'linux',
    });
  });
  afterEach(async () => {
    await services.dispose();
    await auth.close();
    await temp.remove();
  });

  it('follows the service the window is signed in to, not every saved profile', async () => {
    const other = services.profiles.save({
      name: 'Other',
      serviceUrl: 'https://other.example.com',
      administratorEmail: 'x@y.co',
      rememberPassword: false,
    });
    const profile = services.profiles.save({
      name: 'Double',
      serviceUrl: auth.url,
      administratorEmail: auth.email,
      rememberPassword: false,
    });
    expect(other.id).not.toBe(profile.id);
    expect(services.connectOrigins()).toEqual([]);
    let changes = 0;
    services.onConnectOriginsChange(() => (changes += 1));
    await services.session.signIn({
      profileId: profile.id,
      password: auth.password,
      remember: false,
    });
    expect(services.connectOrigins()).toEqual([new URL(auth.url).origin]);
    expect(changes).toBe(1);
    const policy = buildContentSecurityPolicy({ connectOrigins: services.connectOrigins() });
    const connect = policy.split('; ').find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect).toBe(`connect-src 'self' ${new URL(auth.url).origin}`);
    expect(connect).not.toContain('other.example.com');
    await services.session.signOut(profile.id);
    expect(services.connectOrigins()).toEqual([]);
    expect(changes).toBe(2);
  });

  it('never lets a bare scheme or a wildcard into connect-src', () => {
    const policy = buildContentSecurityPolicy({
      connectOrigins: ['http:', 'https:', '*', 'https://*.example.com', 'https://ok.example.com'],
    });
    const connect = policy.split('; ').find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect).toBe("connect-src 'self' https://ok.example.com");
  });

  it('opens only the app’s own help links, whatever the profiles say', async () => {
    services.profiles.save({
      name: 'Somewhere',
      serviceUrl: 'https://somewhere.example.com',
      administratorEmail: 'x@y.co',
      rememberPassword: false,
    });
    expect(services.externalLinks.isAllowed('https://help.linedesk.app/accounts')).toBe(true);
    expect(
      services.externalLinks.isAllowed('https://somewhere.example.com/api/v1/openapi.json'),
    ).toBe(false);
  });
});
