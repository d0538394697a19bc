// Electron main entry: composes the small modules — single instance, app scheme + CSP, guards,
// permission denial, services, IPC, menu and the window. Logic lives in the modules.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, net, protocol, screen, session } from 'electron';
import { CSV_OPEN_PROGRESS_CHANNEL, MENU_COMMAND_CHANNEL } from '../../common/ipc/contract';
import { registerIpcHandlers } from './ipc/handle';
import { createIpcRouter } from './ipc/router';
import { buildMenuTemplate } from './modules/app-menu';
import { APP_ENTRY_URL, appOrigins, isAppUrl } from './modules/app-origin';
import { registerAppScheme, serveRenderer } from './modules/app-protocol';
import { buildContentSecurityPolicy, installCspHeader } from './modules/content-security-policy';
import { createElectronStoreFactory } from './modules/electron-stores';
import { createElectronMainServices } from './modules/electron-services';
import { installNavigationGuards } from './modules/navigation-guard';
import { installPermissionGuard } from './modules/permission-guard';
import { mayQuit } from './modules/quit-guard';
import { ensureSingleInstance } from './modules/single-instance';
import { createWindowManager, type WindowManager } from './modules/window-manager';
import type { MainServices } from './services/create-main-services';
import { DEFAULT_EXTERNAL_ORIGINS, HELP_URL, originOf } from './services/external-links';

const dev = !app.isPackaged;
const devServerUrl = dev ? process.env.LINEDESK_RENDERER_URL : undefined;
const origins = appOrigins(devServerUrl);
const isApp = (url: string) => isAppUrl(url, origins);
const appPath = app.getAppPath();
// Development and the Electron smoke tests may point the app at a throwaway profile folder.
if (dev && process.env.LINEDESK_USER_DATA) app.setPath('userData', process.env.LINEDESK_USER_DATA);

let services: MainServices | undefined;
let windows: WindowManager | undefined;
let quitting = false;

// The origins the loaded page's policy allows; a sign-in to another service reloads the window.
let allowedByPage = new Set<string>();
const policy = () => {
  const connectOrigins = services?.connectOrigins() ?? [];
  allowedByPage = new Set(connectOrigins);
  return buildContentSecurityPolicy({
    connectOrigins,
    devServerOrigin: devServerUrl ? new URL(devServerUrl).origin : undefined,
  });
};
const followSignedInService = () => {
  const needed = services?.connectOrigins() ?? [];
  if (needed.some((origin) => !allowedByPage.has(origin))) windows?.current()?.webContents.reload();
};

// Every renderer sandboxed, whatever a window's options say; the app scheme is known before ready.
app.enableSandbox();
registerAppScheme(protocol);

if (ensureSingleInstance(app, () => windows?.focus())) {
  app.on('web-contents-created', (_event, contents) =>
    installNavigationGuards(contents, {
      isAppUrl: isApp,
      isAllowedExternal: (url) =>
        services?.externalLinks.isAllowed(url) ??
        DEFAULT_EXTERNAL_ORIGINS.includes(originOf(url) ?? ''),
      openExternal: (url) => void services?.externalLinks.open(url).catch(() => undefined),
    }),
  );

  void app.whenReady().then(() => {
    installPermissionGuard(session.defaultSession);
    installCspHeader(session.defaultSession.webRequest, policy, isApp);
    serveRenderer({
      protocol,
      rendererDir: path.join(appPath, 'dist', 'renderer'),
      fetchFile: (url) => net.fetch(url),
      policy,
    });
    services = createElectronMainServices(
      () => windows?.current() ?? null,
      devServerUrl ? new URL(devServerUrl).origin : undefined,
    );
    services.onConnectOriginsChange(followSignedInService);
    registerIpcHandlers(createIpcRouter(services), { isAppUrl: isApp });
    windows = createWindowManager({
      BrowserWindow,
      workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
      store: createElectronStoreFactory()('window'),
      preloadPath: path.join(appPath, 'dist', 'electron', 'preload', 'index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      dev,
      icon: path.join(appPath, 'resources', 'icon.png'),
    });
    // Built again whenever the recent list changes (File → Open Recent).
    const csv = services.csv;
    const setMenu = () =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            isMac: process.platform === 'darwin',
            appName: app.getName(),
            dev,
            send: (command, detail) =>
              detail
                ? windows?.current()?.webContents.send(MENU_COMMAND_CHANNEL, command, detail)
                : windows?.current()?.webContents.send(MENU_COMMAND_CHANNEL, command),
            openHelp: () => void services?.externalLinks.open(HELP_URL),
            recentFiles: csv.recentFiles(),
            clearRecentFiles: () => csv.clearRecentFiles(),
          }),
        ),
      );
    setMenu();
    csv.onRecentFilesChange(setMenu);
    csv.onOpenProgress((progress) =>
      windows?.current()?.webContents.send(CSV_OPEN_PROGRESS_CHANNEL, progress),
    );
    windows.open();
  });

  app.on('activate', () => windows?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Stop the local service before leaving, so its SQLite file is closed cleanly.
  app.on('before-quit', (event) => {
    if (quitting || !services) return;
    event.preventDefault();
    const window = windows?.current() ?? null;
    const showMessageBoxSync = (
      parent: BrowserWindow | null,
      options: Electron.MessageBoxSyncOptions,
    ) => (parent ? dialog.showMessageBoxSync(parent, options) : dialog.showMessageBoxSync(options));
    if (!mayQuit({ uploading: services.uploads.running(), window, showMessageBoxSync })) return;
    quitting = true;
    void services.dispose().finally(() => app.quit());
  });
}
