// The application menu. Ctrl/Cmd+N, +F and +R are app commands sent to the renderer on the
// contract's menu channel (Ctrl/Cmd+R refreshes the data; it never reloads the page).
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../common/ipc/contract';

export interface MenuOptions {
  isMac: boolean;
  appName: string;
  /** Dev builds get the developer tools entry. */
  dev: boolean;
  send(command: MenuCommand): void;
  openHelp(): void;
}

export const MENU_ACCELERATORS: Record<MenuCommand, string> = {
  addAccount: 'CmdOrCtrl+N',
  search: 'CmdOrCtrl+F',
  refresh: 'CmdOrCtrl+R',
};

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
