// The preload with `electron` faked: window.linedesk has one function per contract channel,
// grouped by domain, errors arrive as readable Errors, and ipcRenderer itself is never exposed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CSV_OPEN_PROGRESS_CHANNEL,
  IPC_CHANNELS,
  MENU_COMMAND_CHANNEL,
} from '../../../../common/ipc/contract';
import type { LinedeskBridge } from '../../../../common/ipc/bridge';
import { recorded, resetRecorded } from '../support/electron-fake';

vi.mock('electron', async () => await import('../support/electron-fake'));

describe('preload bridge', () => {
  let bridge: LinedeskBridge;
  beforeEach(async () => {
    vi.resetModules();
    resetRecorded();
    await import('../../../../electron/preload/index');
    bridge = recorded.exposed.get('linedesk') as LinedeskBridge;
  });

  it('exposes exactly one function per channel under its domain, and nothing else', () => {
    expect([...recorded.exposed.keys()]).toEqual(['linedesk']);
    const exposed = Object.entries(bridge).flatMap(([domain, group]) =>
      Object.entries(group as Record<string, unknown>).map(([action, fn]) => {
        expect(typeof fn).toBe('function');
        return `${domain}:${action}`;
      }),
    );
    expect(exposed.sort()).toEqual(
      [...IPC_CHANNELS, 'menu:onCommand', 'csv:onOpenProgress'].sort(),
    );
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('invokes the channel with the argument and unwraps the answer', async () => {
    recorded.invokeAnswer = () => ({ ok: true, value: { accessToken: 'a', expiresAt: 'z' } });
    await expect(bridge.session.refresh({ profileId: 'p1' })).resolves.toEqual({
      accessToken: 'a',
      expiresAt: 'z',
    });
    expect(recorded.invoked).toEqual([{ channel: 'session:refresh', args: { profileId: 'p1' } }]);
  });

  it('rejects with an Error carrying the admin-readable sentence', async () => {
    recorded.invokeAnswer = () => ({
      ok: false,
      error: {
        code: 'INVALID_CREDENTIALS',
        message: 'The email address or password is not correct.',
      },
    });
    await expect(
      bridge.session.signIn({ profileId: 'p', password: 'x', remember: false }),
    ).rejects.toThrow(/^The email address or password is not correct\.$/);
  });

  it('rejects with a plain object carrying the code, which contextBridge copies whole', async () => {
    recorded.invokeAnswer = () => ({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts.' },
    });
    const failure = await bridge.session
      .signIn({ profileId: 'p', password: 'x', remember: false })
      .catch((caught: unknown) => caught);
    expect(failure).not.toBeInstanceOf(Error);
    expect(failure).toEqual({
      name: 'BridgeError',
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many attempts.',
    });
  });

  it('delivers menu commands and lets the page unsubscribe', () => {
    const seen: string[] = [];
    const stop = bridge.menu.onCommand((command) => seen.push(command));
    const emit = (command: unknown, detail?: unknown) =>
      (recorded.ipcRendererListeners.get(MENU_COMMAND_CHANNEL) ?? []).forEach((listener) =>
        listener({ sender: 'ipc-event' }, command, detail),
      );
    emit('search');
    emit('format-disk');
    stop();
    emit('refresh');
    expect(seen).toEqual(['search']);
  });

  it('delivers csv:openProgress as three whole numbers, dropping anything else', () => {
    const seen: unknown[] = [];
    const stop = bridge.csv.onOpenProgress((progress) => seen.push(progress));
    const emit = (progress: unknown) =>
      (recorded.ipcRendererListeners.get(CSV_OPEN_PROGRESS_CHANNEL) ?? []).forEach((listener) =>
        listener({ sender: 'ipc-event' }, progress),
      );
    emit({ rowsRead: 10, bytesRead: 100, totalBytes: 1000, path: '/etc/passwd' });
    emit({ rowsRead: -1, bytesRead: 100, totalBytes: 1000 });
    emit('nothing');
    stop();
    emit({ rowsRead: 20, bytesRead: 200, totalBytes: 1000 });
    expect(seen).toEqual([{ rowsRead: 10, bytesRead: 100, totalBytes: 1000 }]);
  });

  it('passes a recent file id with Open Recent, and nothing else of the detail', () => {
    const seen: unknown[][] = [];
    const stop = bridge.menu.onCommand((command, detail) => seen.push([command, detail]));
    const emit = (command: unknown, detail?: unknown) =>
      (recorded.ipcRendererListeners.get(MENU_COMMAND_CHANNEL) ?? []).forEach((listener) =>
        listener({ sender: 'ipc-event' }, command, detail),
      );
    emit('openRecentFile', { recentFileId: 'Ab_9-x', path: '/etc/passwd' });
    emit('openRecentFile', { recentFileId: '../../etc/passwd' });
    emit('openFile');
    stop();
    expect(seen).toEqual([
      ['openRecentFile', { recentFileId: 'Ab_9-x' }],
      ['openRecentFile', {}],
      ['openFile', {}],
    ]);
  });
});

describe('preload: a dropped file', () => {
  it('crosses as the path Electron gives for the File, never a path the page names', async () => {
    vi.resetModules();
    resetRecorded();
    await import('../../../../electron/preload/index');
    const bridge = recorded.exposed.get('linedesk') as LinedeskBridge;
    const { droppedFilePaths } = await import('../support/electron-fake');
    const file = { name: 'staff.csv', size: 10 };
    droppedFilePaths.set(file, '/home/admin/staff.csv');
    recorded.invokeAnswer = () => ({ ok: true, value: { outcome: 'cancelled' } });
    await bridge.csv.openDropped({ file, organizationId: 'o1' });
    expect(recorded.invoked).toEqual([
      {
        channel: 'csv:openDropped',
        args: { path: '/home/admin/staff.csv', organizationId: 'o1' },
      },
    ]);
    await expect(bridge.csv.openDropped({ file: { name: 'x.csv', size: 1 } })).rejects.toThrow(
      /dropped from a folder/,
    );
    expect(recorded.invoked).toHaveLength(1);
  });
});
