// Gives a Playwright page `window.linedesk`: every call goes, copied as IPC would copy it, to SHELL's
// createIpcRouter(createMainServices(...)) running in the test process — the same code as Electron's main.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bridgeInitScript } from '../../../common/ipc/bridge-init-script';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { createIpcRouter, type IpcRouter } from '../../../electron/main/ipc/router';
import { createNodeServiceLauncher } from '../../../electron/main/services/service-launcher';
import { createSafeStorageDouble } from './safe-storage-double';
import { e2eEnvironment } from './e2e-env';

export interface BridgeHarness {
  services: MainServices;
  router: IpcRouter;
  /** Where "saved" files land (the save dialog double picks the suggested name in this folder). */
  downloadsDir: string;
  /** Files written through files:saveCsv, in order. */
  savedFiles: string[];
  /** The file the next Open dialog picks (null: the admin cancels); consumed by one csv:open. */
  nextOpenFile: string | null;
  /** Lets a test drop the file at `filePath`: a dropped File named `name` maps to it. */
  allowDrop(name: string, filePath: string): void;
  /** URLs passed to shell:openExternal. */
  openedLinks: string[];
  /** Every channel called, in order (for asserting that secrets never come back). */
  calls: { channel: string; result: unknown }[];
  dispose(): Promise<void>;
}

export interface BridgeHarnessOptions {
  /** false plays a machine whose safeStorage has no backend. */
  vaultAvailable?: boolean;
  /** An existing data folder (the app restarted on the same data); kept on dispose. */
  dataDir?: string;
  /** Main's fetch, e.g. a slow network double. */
  fetch?: typeof fetch;
  /** Waits before each retry of an upload call. */
  uploadRetryDelaysMs?: number[];
}

const invokeBinding = '__linedeskInvoke';

export async function installBridge(
  page: Page,
  options: BridgeHarnessOptions = {},
): Promise<BridgeHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'linedesk-e2e-main-')));
  const downloadsDir = path.join(dataDir, 'Downloads');
  const savedFiles: string[] = [];
  const openedLinks: string[] = [];
  const calls: { channel: string; result: unknown }[] = [];
  const droppable = new Map<string, string>();
  const openDialog = { next: null as string | null };
  // The local service allows the packaged app's origin; here the renderer is served over HTTP, so that
  // origin is added (the only difference from what main launches).
  const nodeLauncher = createNodeServiceLauncher({
    entry: path.resolve('server/cli.ts'),
    cwd: process.cwd(),
  });
  const services = createMainServices({
    dataDir,
    serviceLauncher: (launch) =>
      nodeLauncher({
        ...launch,
        env: { ...launch.env, LINEDESK_ALLOWED_ORIGINS: new URL(e2eEnvironment().appUrl).origin },
      }),
    downloadsDir,
    fetch: options.fetch,
    uploadRetryDelaysMs: options.uploadRetryDelaysMs,
    safeStorage: createSafeStorageDouble({ available: options.vaultAvailable ?? true }),
    dialogs: {
      async showSaveDialog({ defaultPath }) {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(downloadsDir, { recursive: true });
        const filePath = path.join(downloadsDir, path.basename(defaultPath));
        savedFiles.push(filePath);
        return { canceled: false, filePath };
      },
      async showOpenDialog() {
        const picked = openDialog.next;
        openDialog.next = null;
        return picked
          ? { canceled: false, filePaths: [picked] }
          : { canceled: true, filePaths: [] };
      },
    },
    shell: {
      async openExternal(url: string) {
        openedLinks.push(url);
      },
    },
  });
  const router = createIpcRouter(services);

  await page.exposeBinding(invokeBinding, async (_source, channel: string, args: unknown) => {
    // IPC copies with the structured clone algorithm; so do we, so nothing is shared by reference.
    let copied = structuredClone(args);
    if (channel === 'csv:openDropped') copied = withDroppedPath(copied, droppable);
    const envelope = await router.invoke(channel, copied);
    calls.push({ channel, result: envelope });
    return envelope;
  });
  await page.addInitScript({ content: bridgeInitScript({ invokeBinding }) });
  // Main's webContents.send of csv:openProgress, as the page global the init script listens on.
  services.csv.onOpenProgress((progress) => {
    void page
      .evaluate((value) => {
        const page = globalThis as unknown as Record<string, unknown>;
        const deliver = page.__linedeskCsvOpenProgress;
        if (typeof deliver === 'function') deliver(value);
      }, progress)
      .catch(() => undefined);
  });

  return {
    services,
    router,
    downloadsDir,
    savedFiles,
    get nextOpenFile() {
      return openDialog.next;
    },
    set nextOpenFile(filePath: string | null) {
      openDialog.next = filePath;
    },
    allowDrop(name, filePath) {
      droppable.set(name, filePath);
    },
    openedLinks,
    calls,
    async dispose() {
      await services.dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page sends a dropped file's name; the path is the one the test registered for it. */
function withDroppedPath(args: unknown, droppable: ReadonlyMap<string, string>): unknown {
  if (typeof args !== 'object' || args === null) return args;
  const { path: name, ...rest } = args as { path?: unknown };
  return { ...rest, path: (typeof name === 'string' && droppable.get(name)) || '' };
}
