// createMainServices with Electron's real pieces: safeStorage, dialogs, shell, electron-store in
// userData, and the local service run by utilityProcess (packaged) or Node + tsx (development).
import path from 'node:path';
import { app, dialog, safeStorage, shell, utilityProcess, type BrowserWindow } from 'electron';
import { createMainServices, type MainServices } from '../services/create-main-services';
import { createNodeServiceLauncher } from '../services/service-launcher';
import { createElectronStoreFactory } from './electron-stores';
import { createUtilityProcessLauncher } from './utility-service-launcher';

export function createElectronMainServices(
  currentWindow: () => BrowserWindow | null,
  devServerOrigin?: string,
): MainServices {
  const appPath = app.getAppPath();
  return createMainServices({
    dataDir: app.getPath('userData'),
    devServerOrigin,
    safeStorage,
    dialogs: {
      showSaveDialog: (options) => {
        const window = currentWindow();
        return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
      },
      showOpenDialog: (options) => {
        const window = currentWindow();
        return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
      },
    },
    shell: { openExternal: (url) => shell.openExternal(url) },
    app: {
      name: app.getName(),
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      packaged: app.isPackaged,
    },
    stores: createElectronStoreFactory(),
    // Packaged: the bundled service in Electron's own Node (native modules rebuilt for it).
    // Development: the system's Node runs the TypeScript, with modules built for that Node.
    serviceLauncher: app.isPackaged
      ? createUtilityProcessLauncher({
          fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
          entry: path.join(appPath, 'dist', 'server', 'cli.js'),
        })
      : createNodeServiceLauncher({
          entry: path.join(appPath, 'server', 'cli.ts'),
          cwd: appPath,
          nodePath: process.env.LINEDESK_NODE ?? 'node',
        }),
    downloadsDir: app.getPath('downloads'),
    // worker_threads cannot load from the asar archive: the worker is unpacked beside it.
    csvWorkerPath: path
      .join(appPath, 'dist', 'electron', 'csv-worker', 'csv-worker.mjs')
      .replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'),
  });
}
