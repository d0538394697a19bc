// Electron main's glue with `electron` replaced by a recording fake: window security options,
// the CSP header, navigation/window-open/permission guards, IPC sender checks, menu, single instance.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMAND_CHANNEL } from '../../../../common/ipc/contract';
import { makeTempDir } from '../support/temp-dir';
import { recorded, resetRecorded } from '../support/electron-fake';
import type * as ImportUploadModule from '../../../../electron/main/services/import-upload';

vi.mock('electron', async () => await import('../support/electron-fake'));

/** Whether main's uploads say one is running (the real ones, with `running` answered here). */
const uploadState = vi.hoisted(() => ({ running: false }));
vi.mock('../../../../electron/main/services/import-upload', async (importOriginal) => {
  const original = await importOriginal<typeof ImportUploadModule>();
  return {
    ...original,
    createImportUploads: (...args: Parameters<typeof original.createImportUploads>) => {
      const uploads = original.createImportUploads(...args);
      return { ...uploads, running: () => uploadState.running };
    },
  };
});

type Listener = (...args: unknown[]) => unknown;
const appListener = (event: string) => recorded.appListeners.get(event)?.[0] as Listener;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function startMain(): Promise<void> {
  vi.resetModules();
  resetRecorded();
  await import('../../../../electron/main/index');
  await settle();
}

describe('Electron main composition', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
    recorded.userData = path.join(temp.dir, 'user-data');
    recorded.appPath = path.join(temp.dir, 'app');
    await mkdir(path.join(recorded.appPath, 'dist', 'renderer', 'assets'), { recursive: true });
    await writeFile(
      path.join(recorded.appPath, 'dist', 'renderer', 'index.html'),
      '<!doctype html><title>Linedesk</title>',
    );
    await writeFile(
      path.join(recorded.appPath, 'dist', 'renderer', 'assets', 'app.js'),
      'console.log(1)',
    );
    await writeFile(path.join(temp.dir, 'app', 'secret.txt'), 'not for the renderer');
  });
  afterAll(() => temp.remove());
  beforeEach(async () => {
    recorded.singleInstance = true;
    await startMain();
  });

  it('opens one window with the hardened webPreferences and the app URL', () => {
    expect(recorded.windows).toHaveLength(1);
    const [window] = recorded.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: path.join(recorded.appPath, 'dist', 'electron', 'preload', 'index.cjs'),
    });
    expect(window!.loadedUrl).toBe('app://linedesk/index.html');
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('sends a strict CSP header on app pages, and leaves service answers alone', () => {
    const listener = recorded.headersListener as Listener;
    let answered: { responseHeaders?: Record<string, string[]> } = {};
    listener(
      {
        url: 'app://linedesk/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'] },
      },
      (value: typeof answered) => (answered = value),
    );
    const policy = answered.responseHeaders?.['Content-Security-Policy']?.[0] ?? '';
    expect(answered.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(policy).toContain("default-src 'none'");

    listener(
      { url: 'http://127.0.0.1:9/api/v1/me', responseHeaders: { a: ['b'] } },
      (value: typeof answered) => (answered = value),
    );
    expect(answered.responseHeaders).toEqual({ a: ['b'] });
  });

  it('serves the renderer with the CSP header and never a file outside it', async () => {
    const handler = recorded.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://linedesk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Linedesk</title>');
    const route = await handler(new Request('app://linedesk/accounts'));
    expect(await route.text()).toContain('<title>Linedesk</title>');
    expect((await handler(new Request('app://linedesk/assets/app.js'))).status).toBe(200);
    expect((await handler(new Request('app://linedesk/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://linedesk/..%2Fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    (recorded.permissionRequestHandler as Listener)(
      {},
      'media',
      (value: boolean) => (granted = value),
    );
    expect(granted).toBe(false);
    expect((recorded.permissionCheckHandler as Listener)({}, 'notifications')).toBe(false);
    expect((recorded.deviceHandler as Listener)({})).toBe(false);
  });

  it('registers every contract channel and refuses foreign sender frames', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const status = recorded.ipcHandlers.get('vault:status')!;
    const fromApp = { senderFrame: { url: 'app://linedesk/index.html#/accounts', parent: null } };
    expect(await status(fromApp, undefined)).toEqual({
      ok: true,
      value: expect.objectContaining({ available: false, backend: 'basic_text' }),
    });
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://linedesk/index.html', parent: { url: 'app://linedesk/' } } },
      { senderFrame: { url: 'app://linedesk.evil/index.html', parent: null } },
      { senderFrame: null },
    ]) {
      expect(await status(event, undefined)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    const save = recorded.ipcHandlers.get('profiles:save')!;
    expect(await save(fromApp, { name: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS' },
    });
  });

  it('keeps pages on the app: navigation and window.open denied, allow-listed links to the browser', () => {
    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    appListener('web-contents-created')(
      {},
      {
        on: (event: string, listener: Listener) => void contentsListeners.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => void (openHandler = handler),
      },
    );
    const navigate = (url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contentsListeners.get('will-navigate')!(event, url);
      return event.prevented;
    };
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://linedesk/index.html#/accounts')).toBe(false);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://help.linedesk.app/start' })).toEqual({ action: 'deny' });
    const webview = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contentsListeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
  });

  it('opens only the allow-listed link in the system browser', async () => {
    let openHandler: Listener = () => undefined;
    appListener('web-contents-created')(
      {},
      {
        on: () => undefined,
        setWindowOpenHandler: (handler: Listener) => void (openHandler = handler),
      },
    );
    openHandler({ url: 'https://evil.example/' });
    openHandler({ url: 'https://help.linedesk.app/start' });
    await settle();
    expect(recorded.opened).toEqual(['https://help.linedesk.app/start']);
  });

  it('sends Ctrl/Cmd+N, +F and +R to the renderer as menu commands', () => {
    type Item = {
      label?: string;
      accelerator?: string;
      role?: string;
      click?: () => void;
      submenu?: Item[];
    };
    const items = (recorded.menuTemplate as Item[]).flatMap((menu) => menu.submenu ?? []);
    const byAccelerator = (key: string) => items.find((item) => item.accelerator === key);
    for (const [key, command] of [
      ['CmdOrCtrl+N', 'addAccount'],
      ['CmdOrCtrl+F', 'search'],
      ['CmdOrCtrl+R', 'refresh'],
    ] as const) {
      byAccelerator(key)!.click!();
      expect(recorded.windows[0]!.sent.at(-1)).toEqual([MENU_COMMAND_CHANNEL, command]);
    }
    expect(items.some((item) => item.role === 'reload' || item.role === 'forceReload')).toBe(false);
  });

  it('lists recent files under File → Open Recent and rebuilds it when the list changes', async () => {
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const openRecent = () =>
      (recorded.menuTemplate as Item[])
        .find((menu) => menu.label === 'File')!
        .submenu!.find((item) => item.label === 'Open Recent')!.submenu!;
    await writeFile(
      path.join(recorded.userData, 'recent-files.json'),
      JSON.stringify({
        recentFiles: [
          { id: 'r1', path: '/home/admin/staff.csv', openedAt: '2026-11-30T10:00:00Z' },
        ],
      }),
    );
    await startMain();
    const entries = openRecent();
    expect(entries[0]!.label).toBe('staff.csv — /home/admin');
    entries[0]!.click!();
    expect(recorded.windows[0]!.sent.at(-1)).toEqual([
      MENU_COMMAND_CHANNEL,
      'openRecentFile',
      { recentFileId: 'r1' },
    ]);
    entries.find((item) => item.label === 'Clear Recent Files')!.click!();
    expect(openRecent().map((item) => item.label)).toEqual(['No Recent Files']);
  });

  it('remembers the window size and position', async () => {
    recorded.windows[0]!.emit('close');
    await startMain();
    expect(recorded.windows[0]!.options).toMatchObject({ x: 40, y: 30, width: 1400, height: 900 });
  });

  it('a second instance quits instead of opening a window', async () => {
    recorded.singleInstance = false;
    await startMain();
    expect(recorded.quitCalls).toBe(1);
    expect(recorded.windows).toHaveLength(0);
    expect(recorded.ipcHandlers.size).toBe(0);
  });

  it('asks before quitting during an upload: Keep uploading stays, Quit quits', async () => {
    const quitEvent = () => ({
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    });
    uploadState.running = true;
    try {
      recorded.messageBoxAnswer = 0;
      const stay = quitEvent();
      appListener('before-quit')(stay);
      await settle();
      expect(stay.prevented).toBe(true);
      expect(recorded.messageBoxes).toHaveLength(1);
      expect(recorded.quitCalls).toBe(0);

      recorded.messageBoxAnswer = 1;
      appListener('before-quit')(quitEvent());
      await settle();
      expect(recorded.messageBoxes).toHaveLength(2);
      expect(recorded.quitCalls).toBe(1);
    } finally {
      uploadState.running = false;
    }
  });

  it('stops the local service before quitting', async () => {
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    appListener('before-quit')(event);
    expect(event.prevented).toBe(true);
    await settle();
    expect(recorded.quitCalls).toBe(1);
  });
});
