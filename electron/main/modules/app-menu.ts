// The application menu. Ctrl/Cmd+N, +F and +R, Open CSV File… and Open Recent are app commands sent
// to the renderer on the contract's menu channel (Ctrl/Cmd+R refreshes the data; it never reloads
// the page). Open Recent names files by the opaque ids of main's recent list, never by path.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandDetail } from '../../../common/ipc/channels';
import type { RecentFile } from '../../../common/ipc/csv-contract';

export interface MenuOptions {
  isMac: boolean;
  appName: string;
  /** Dev builds get the developer tools entry. */
  dev: boolean;
  send(command: MenuCommand, detail?: MenuCommandDetail): void;
  openHelp(): void;
  /** The recent list, newest first (main's store); empty shows a disabled entry. */
  recentFiles?: RecentFile[];
  clearRecentFiles?(): void;
}

export const MENU_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  addAccount: 'CmdOrCtrl+N',
  search: 'CmdOrCtrl+F',
  refresh: 'CmdOrCtrl+R',
  openFile: 'CmdOrCtrl+O',
};

/** How many recent files the File menu shows. */
export const MENU_RECENT_FILES = 8;

/** File → Open Recent: one entry per file (its name; the folder is in the label's tail). */
export function recentFilesSubmenu(options: MenuOptions): MenuItemConstructorOptions[] {
  const files = (options.recentFiles ?? []).slice(0, MENU_RECENT_FILES);
  if (files.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return [
    ...files.map((file): MenuItemConstructorOptions => ({
      // '&' would mark an access key on Windows and Linux.
      label: `${file.name} — ${file.folder}`.replaceAll('&', '&&'),
      click: () => options.send('openRecentFile', { recentFileId: file.id }),
    })),
    { type: 'separator' },
    { label: 'Clear Recent Files', click: () => options.clearRecentFiles?.() },
  ];
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: MENU_ACCELERATORS[name],
    click: () => options.send(name),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        command('Add Account…', 'addAccount'),
        // The page handles Ctrl/Cmd+O itself (it knows when an upload runs): shown, not registered.
        { ...command('Open CSV File…', 'openFile'), registerAccelerator: false },
        { label: 'Open Recent', submenu: recentFilesSubmenu(options) },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Search Accounts', 'search'),
      ],
    },
    {
      label: 'View',
      submenu: [
        command('Refresh', 'refresh'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.dev ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Linedesk Help', click: () => options.openHelp() }] },
  );
  return template;
}
