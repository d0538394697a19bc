// Recent files: the list main keeps, File → Open Recent built from it (commands carry the opaque id,
// never a path), and a recent file that was moved or deleted — a clear sentence, taken off the list.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../common/ipc/contract';
import type { RecentFile } from '../../../common/ipc/csv-contract';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/modules/app-menu';
import { createIpcRouter, type IpcRouter } from '../../../electron/main/ipc/router';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { createRecentFiles } from '../../../electron/main/services/csv/recent-files';
import { createMemoryStore } from '../../../electron/main/services/key-value-store';
import { FIXTURES_DIR } from './csv/csv-fixtures';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

type Item = MenuItemConstructorOptions;

function fileMenu(options: Partial<MenuOptions> & Pick<MenuOptions, 'send'>): Item[] {
  const template = buildMenuTemplate({
    isMac: false,
    appName: 'Linedesk',
    dev: false,
    openHelp: () => undefined,
    ...options,
  });
  return template.find((menu) => menu.label === 'File')!.submenu as Item[];
}
const openRecentOf = (items: Item[]) =>
  items.find((item) => item.label === 'Open Recent')!.submenu as Item[];
const click = (item: Item | undefined) => (item!.click as () => void)();

describe('File menu: Open CSV File… and Open Recent', () => {
  const files: RecentFile[] = [
    { id: 'a1', name: 'staff.csv', folder: '/home/admin/HR', openedAt: '2026-11-30T10:00:00Z' },
    { id: 'b2', name: 'R&D.csv', folder: '/home/admin', openedAt: '2026-11-29T10:00:00Z' },
  ];

  it('lists the recent files newest first and sends their ids, never a path', () => {
    const sent: unknown[][] = [];
    let cleared = 0;
    const items = fileMenu({
      send: (...args) => void sent.push(args),
      recentFiles: files,
      clearRecentFiles: () => void cleared++,
    });
    const recent = openRecentOf(items);
    expect(recent.map((item) => item.label ?? item.type)).toEqual([
      'staff.csv — /home/admin/HR',
      'R&&D.csv — /home/admin',
      'separator',
      'Clear Recent Files',
    ]);
    click(recent[1]);
    expect(sent).toEqual([['openRecentFile', { recentFileId: 'b2' }]]);
    click(recent.at(-1));
    expect(cleared).toBe(1);
  });

  it('shows a disabled entry when there are none, and Open CSV File… leaves Ctrl/Cmd+O to the page', () => {
    const sent: unknown[][] = [];
    const items = fileMenu({ send: (...args) => void sent.push(args) });
    expect(openRecentOf(items)).toEqual([{ label: 'No Recent Files', enabled: false }]);
    const open = items.find((item) => item.label === 'Open CSV File…')!;
    expect(open).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    click(open);
    expect(sent).toEqual([['openFile']]);
  });
});

describe('recent files list', () => {
  it('forgets one file, clears, and tells listeners after each change', () => {
    const recent = createRecentFiles(createMemoryStore());
    let changes = 0;
    const stop = recent.onChange(() => void changes++);
    recent.remember('/data/a.csv');
    recent.remember('/data/b.csv');
    recent.remember('/data/a.csv');
    expect(recent.list().map((file) => file.name)).toEqual(['a.csv', 'b.csv']);
    recent.forget(recent.list()[1]!.id);
    expect(recent.list().map((file) => file.name)).toEqual(['a.csv']);
    recent.forget('unknown');
    expect(changes).toBe(4);
    recent.clear();
    expect(recent.list()).toEqual([]);
    stop();
    recent.remember('/data/c.csv');
    expect(changes).toBe(5);
  });
});

describe('reopening a recent file that is gone', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: MainServices;
  let router: IpcRouter;
  const call = async (channel: string, args?: unknown) =>
    (await router.invoke(channel, args)) as IpcEnvelope<unknown>;

  beforeEach(async () => {
    temp = await makeTempDir();
    await mkdir(path.join(temp.dir, 'data'));
    services = createMainServices({
      dataDir: path.join(temp.dir, 'data'),
      safeStorage: createSafeStorageDouble({ key: randomBytes(32) }),
      dialogs: { showSaveDialog: async () => ({ canceled: true }) },
      shell: { openExternal: async () => undefined },
      downloadsDir: temp.dir,
      platform: 'linux',
    });
    router = createIpcRouter(services);
  });
  afterEach(async () => {
    await services.dispose();
    await temp.remove();
  });

  it('says which file and why, takes it off the list and keeps the others', async () => {
    const moved = path.join(temp.dir, 'staff.csv');
    const kept = path.join(temp.dir, 'contractors.csv');
    await copyFile(path.join(FIXTURES_DIR, 'aliases.csv'), moved);
    await copyFile(path.join(FIXTURES_DIR, 'duplicates.csv'), kept);
    let menuRebuilt = 0;
    services.csv.onRecentFilesChange(() => void menuRebuilt++);
    for (const file of [moved, kept]) {
      expect(await call('csv:openDropped', { path: file })).toMatchObject({ ok: true });
    }
    const listed = (await call('recentFiles:list')) as IpcEnvelope<RecentFile[]>;
    const staff = listed.ok ? listed.value.find((file) => file.name === 'staff.csv') : undefined;
    await rm(moved);

    const answer = await call('recentFiles:open', { id: staff!.id });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'FILE_NOT_FOUND',
        message: expect.stringMatching(
          /^staff\.csv is no longer in .+: it was moved, renamed or deleted, so it was taken off the recent files\./,
        ),
      },
    });
    expect(await call('recentFiles:list')).toMatchObject({
      ok: true,
      value: [{ name: 'contractors.csv' }],
    });
    expect(menuRebuilt).toBe(3);
    expect(await call('recentFiles:open', { id: staff!.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND', message: 'This file is no longer in the recent files.' },
    });
  });
});
