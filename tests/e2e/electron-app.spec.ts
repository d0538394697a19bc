// Smoke test of the real Electron app (_electron.launch): the window, the preload bridge, the
// sandbox, the CSP and the menu channel. Where the Electron binary is not installed (machines
// with ELECTRON_SKIP_BINARY_DOWNLOAD) every test is skipped with that reason printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const skipReason =
  'Electron smoke suite skipped: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm ci` without it to get the binary.';

test.describe('Electron app', () => {
  test.skip(!binary, skipReason);
  if (!binary) console.log(skipReason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (
      !existsSync('dist/electron/main/index.js') ||
      !existsSync('dist/electron/preload/index.cjs')
    ) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
      expect(build.status).toBe(0);
    }
    userData = await mkdtemp(path.join(os.tmpdir(), 'linedesk-electron-smoke-'));
    app = await electron.launch({
      executablePath: binary!,
      args: ['.', '--no-sandbox', '--disable-gpu'],
      env: { ...process.env, LINEDESK_USER_DATA: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('opens the Linedesk window from the app scheme', async () => {
    expect(page.url()).toMatch(/^app:\/\/linedesk\//);
    await expect(page).toHaveTitle(/Linedesk/);
  });

  test('the page gets window.linedesk and no Node', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { linedesk?: Record<string, object> }).linedesk ?? {};
      return {
        domains: Object.keys(bridge).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(shape.domains).toEqual(
      [
        'app',
        'files',
        'localService',
        'menu',
        'prefs',
        'profiles',
        'session',
        'shell',
        'vault',
      ].sort(),
    );
    expect(shape.hasRequire).toBe('undefined');
    expect(shape.hasProcess).toBe('undefined');
    const info = await page.evaluate(() =>
      (
        window as unknown as {
          linedesk: { app: { info(): Promise<{ electronVersion: string | null }> } };
        }
      ).linedesk.app.info(),
    );
    expect(info.electronVersion).toBeTruthy();
  });

  test('inline scripts are blocked by the CSP and window.open is denied', async () => {
    const result = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const opened = window.open('https://example.com/');
      return {
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        opened: opened !== null,
      };
    });
    expect(result).toEqual({ inlineRan: false, opened: false });
    expect(app.windows()).toHaveLength(1);
  });

  test('menu commands reach the renderer', async () => {
    await page.evaluate(() => {
      const target = window as unknown as {
        __commands: string[];
        linedesk: { menu: { onCommand(l: (c: string) => void): void } };
      };
      target.__commands = [];
      target.linedesk.menu.onCommand((command) => target.__commands.push(command));
    });
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.send('menu:command', 'search'),
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __commands: string[] }).__commands))
      .toEqual(['search']);
  });
});
