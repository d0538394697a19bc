// The preload (sandboxed, bundled into one CommonJS file): exposes `window.linedesk` with one
// function per contract channel, grouped by domain. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createLinedeskBridge } from '../../common/ipc/bridge';
import {
  BRIDGE_GLOBAL,
  CSV_OPEN_PROGRESS_CHANNEL,
  MENU_COMMAND_CHANNEL,
  type IpcEnvelope,
} from '../../common/ipc/channels';

const bridge = createLinedeskBridge({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args) as Promise<IpcEnvelope>,
  onMenuCommand(listener) {
    // Only the command and its detail cross over; the IPC event object stays in the preload.
    const forward = (_event: unknown, command: unknown, detail: unknown) =>
      listener(command as never, detail);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
  onCsvOpenProgress(listener) {
    const forward = (_event: unknown, progress: unknown) => listener(progress);
    ipcRenderer.on(CSV_OPEN_PROGRESS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(CSV_OPEN_PROGRESS_CHANNEL, forward);
    };
  },
  // Sandboxed pages no longer see File.path; only the preload may ask Electron for it.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
