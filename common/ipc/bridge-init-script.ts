// Source of a page init script that builds `window.linedesk` over a Playwright binding, for the
// end-to-end harness: the same shape and error behaviour as the Electron preload.
import { BRIDGE_GLOBAL, IPC_CHANNELS, MENU_COMMANDS } from './channels';

export interface BridgeInitScriptOptions {
  /** Name given to page.exposeBinding; called as (channel, args) and answering an IpcEnvelope. */
  invokeBinding: string;
  /** Global the test calls (page.evaluate) to simulate a menu command; default `__linedeskMenuCommand`. */
  menuTrigger?: string;
  /** Global the harness calls (page.evaluate) to deliver csv:openProgress; default `__linedeskCsvOpenProgress`. */
  csvOpenProgressTrigger?: string;
}

/**
 * JavaScript for page.addInitScript({ content }). Each call is routed to the binding (Playwright
 * copies arguments and results as IPC would); an error envelope rejects with the same plain
 * `{ name: 'BridgeError', code, message }` object as the preload (see IpcFailure).
 */
export function bridgeInitScript(options: BridgeInitScriptOptions): string {
  const config = JSON.stringify({
    global: BRIDGE_GLOBAL,
    channels: IPC_CHANNELS,
    menuCommands: MENU_COMMANDS,
    invokeBinding: options.invokeBinding,
    menuTrigger: options.menuTrigger ?? '__linedeskMenuCommand',
    csvOpenProgressTrigger: options.csvOpenProgressTrigger ?? '__linedeskCsvOpenProgress',
  });
  return `(() => {
  const config = ${config};
  const listeners = new Set();
  const bridge = { menu: { onCommand(listener) { listeners.add(listener); return () => listeners.delete(listener); } } };
  // The same plain { name, code, message } failure as the preload's unwrapEnvelope (see IpcFailure).
  const unwrap = (envelope) => {
    if (envelope && envelope.ok === true) return envelope.value;
    const failed = envelope && envelope.error ? envelope.error : {};
    throw {
      name: 'BridgeError',
      code: typeof failed.code === 'string' ? failed.code : 'INTERNAL',
      message: typeof failed.message === 'string'
        ? failed.message
        : 'Linedesk could not complete this request. Try again.',
    };
  };
  for (const channel of config.channels) {
    const [domain, action] = channel.split(':');
    bridge[domain] = bridge[domain] || {};
    bridge[domain][action] = async (args) =>
      unwrap(await window[config.invokeBinding](channel, args === undefined ? null : args));
  }
  // A page cannot see a dropped File's path; the harness maps the file's name to a path the test
  // registered, as the preload's webUtils.getPathForFile would.
  bridge.csv.openDropped = async (args) => {
    const file = args && args.file;
    const rest = args && args.organizationId !== undefined ? { organizationId: args.organizationId } : {};
    return unwrap(await window[config.invokeBinding]('csv:openDropped', { path: file ? String(file.name) : '', ...rest }));
  };
  // The same checks of a progress event as openProgressOf in channels.ts.
  const progressListeners = new Set();
  bridge.csv.onOpenProgress = (listener) => {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  };
  window[config.csvOpenProgressTrigger] = (value) => {
    const v = value || {};
    const count = (n) => Number.isSafeInteger(n) && n >= 0;
    if (!count(v.rowsRead) || !count(v.bytesRead) || !count(v.totalBytes)) return;
    const progress = { rowsRead: v.rowsRead, bytesRead: v.bytesRead, totalBytes: v.totalBytes };
    for (const listener of progressListeners) listener(progress);
  };
  // The same filtering of the detail as menuCommandDetailOf in channels.ts.
  window[config.menuTrigger] = (command, detail) => {
    const id = detail && detail.recentFileId;
    const checked = typeof id === 'string' && /^[\\w-]{1,64}$/.test(id) ? { recentFileId: id } : {};
    if (config.menuCommands.includes(command)) for (const listener of listeners) listener(command, checked);
  };
  Object.defineProperty(window, config.global, { value: Object.freeze(bridge), writable: false });
})();`;
}
