// The harness's init script (common/ipc/bridge-init-script.ts) evaluated in a separate VM context
// and wired to the real router: same shape and error behaviour as the Electron preload.
import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeInitScript } from '../../../common/ipc/bridge-init-script';
import { IPC_CHANNELS } from '../../../common/ipc/contract';
import type { LinedeskBridge } from '../../../common/ipc/bridge';
import { createIpcRouter } from '../../../electron/main/ipc/router';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

describe('bridge init script for the Playwright harness', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: MainServices;
  beforeEach(async () => {
    temp = await makeTempDir();
    services = createMainServices({
      dataDir: temp.dir,
      safeStorage: createSafeStorageDouble({ key: randomBytes(32) }),
      dialogs: { showSaveDialog: async () => ({ canceled: true }) },
      shell: { openExternal: async () => undefined },
    });
  });
  afterEach(async () => {
    await services.dispose();
    await temp.remove();
  });

  function load() {
    const router = createIpcRouter(services);
    const window: Record<string, unknown> = {
      __invoke: async (channel: string, args: unknown) =>
        structuredClone(await router.invoke(channel, structuredClone(args))),
    };
    const context = vm.createContext({ window, Error, Promise, Object, Set, JSON });
    vm.runInContext(bridgeInitScript({ invokeBinding: '__invoke' }), context);
    return { window, bridge: window.linedesk as LinedeskBridge };
  }

  it('builds the same grouped functions and routes them to the router', async () => {
    const { bridge } = load();
    const names = Object.entries(bridge).flatMap(([domain, group]) =>
      Object.keys(group as object).map((action) => `${domain}:${action}`),
    );
    expect(names.sort()).toEqual([...IPC_CHANNELS, 'menu:onCommand', 'csv:onOpenProgress'].sort());
    await expect(bridge.prefs.set({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' });
    expect(services.prefs.get().theme).toBe('dark');
  });

  it('rejects with the sentence, and simulates menu commands', async () => {
    const { bridge, window } = load();
    await expect(bridge.session.refresh({ profileId: 'missing' })).rejects.toThrow(
      /no longer exists/,
    );
    await expect(bridge.session.refresh({ profileId: 'missing' })).rejects.toMatchObject({
      name: 'BridgeError',
      code: 'PROFILE_NOT_FOUND',
    });
    const seen: string[] = [];
    bridge.menu.onCommand((command) => seen.push(command));
    (window.__linedeskMenuCommand as (command: string) => void)('addAccount');
    (window.__linedeskMenuCommand as (command: string) => void)('nonsense');
    expect(seen).toEqual(['addAccount']);
    const details: unknown[] = [];
    bridge.menu.onCommand((_command, detail) => details.push(detail));
    const trigger = window.__linedeskMenuCommand as (command: string, detail?: unknown) => void;
    trigger('openRecentFile', { recentFileId: 'r1', path: '/etc/passwd' });
    trigger('openRecentFile', { recentFileId: 'a/b' });
    expect(details).toEqual([{ recentFileId: 'r1' }, {}]);
  });
});
