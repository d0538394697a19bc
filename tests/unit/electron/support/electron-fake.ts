// A recording stand-in for the `electron` module (Electron cannot start here), used through
// vi.mock('electron') by the glue tests: it keeps what main registered so tests can drive it.
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => unknown;

function freshRecord() {
  return {
    userData: path.join(os.tmpdir(), 'linedesk-fake-user-data'),
    appPath: process.cwd(),
    singleInstance: true,
    sandboxEnabled: false,
    quitCalls: 0,
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    ipcRendererListeners: new Map<string, Listener[]>(),
    invoked: [] as { channel: string; args: unknown }[],
    invokeAnswer: (_channel: string, _args: unknown): unknown => ({ ok: true, value: null }),
    exposed: new Map<string, unknown>(),
    windows: [] as FakeBrowserWindow[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    deviceHandler: null as Listener | null,
    headersListener: null as Listener | null,
    menuTemplate: null as unknown,
    opened: [] as string[],
    /** Message boxes shown (their titles), and the button index the next one answers. */
    messageBoxes: [] as string[],
    messageBoxAnswer: 0,
  };
}

// Shared through globalThis: vi.resetModules() re-evaluates this file for the code under test,
// and both copies must record into the same place the test reads.
const globalStore = globalThis as { __linedeskElectronFake?: ReturnType<typeof freshRecord> };
export const recorded = (globalStore.__linedeskElectronFake ??= freshRecord());

export function resetRecorded(): void {
  recorded.sandboxEnabled = false;
  recorded.quitCalls = 0;
  recorded.appListeners.clear();
  recorded.ipcHandlers.clear();
  recorded.ipcRendererListeners.clear();
  recorded.invoked.length = 0;
  recorded.exposed.clear();
  recorded.windows.length = 0;
  recorded.privilegedSchemes.length = 0;
  recorded.protocolHandlers.clear();
  recorded.opened.length = 0;
  recorded.messageBoxes.length = 0;
  recorded.messageBoxAnswer = 0;
}

function addListener(map: Map<string, Listener[]>, event: string, listener: Listener) {
  map.set(event, [...(map.get(event) ?? []), listener]);
}

export const app = {
  isPackaged: false,
  getAppPath: () => recorded.appPath,
  getPath: (name: string) =>
    name === 'userData' ? recorded.userData : path.join(recorded.userData, name),
  setPath: (name: string, value: string) => {
    if (name === 'userData') recorded.userData = value;
  },
  enableSandbox: () => void (recorded.sandboxEnabled = true),
  getName: () => 'Linedesk',
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => recorded.singleInstance,
  quit: () => void recorded.quitCalls++,
  on(event: string, listener: Listener) {
    addListener(recorded.appListeners, event, listener);
    return app;
  },
  whenReady: () => Promise.resolve(),
};

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    if (recorded.ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, listener);
  },
  removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
  on: () => ipcMain,
};

export const ipcRenderer = {
  invoke: async (channel: string, args: unknown) => {
    recorded.invoked.push({ channel, args });
    return recorded.invokeAnswer(channel, args);
  },
  on(channel: string, listener: Listener) {
    addListener(recorded.ipcRendererListeners, channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    recorded.ipcRendererListeners.set(
      channel,
      (recorded.ipcRendererListeners.get(channel) ?? []).filter((item) => item !== listener),
    );
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void recorded.exposed.set(key, api),
};

export class FakeBrowserWindow {
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: unknown[][] = [];
  loadedUrl: string | null = null;
  maximized = false;
  webContents = { send: (...args: unknown[]) => void this.sent.push(args) };
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push(this);
  }
  on(event: string, listener: Listener) {
    addListener(this.listeners, event, listener);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1400, height: 900 };
  }
  show() {}
  focus() {}
  restore() {}
}

export const BrowserWindow = FakeBrowserWindow;

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) =>
    void recorded.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) =>
    void recorded.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener | null) =>
      void (recorded.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: Listener | null) =>
      void (recorded.permissionCheckHandler = handler),
    setDevicePermissionHandler: (handler: Listener | null) =>
      void (recorded.deviceHandler = handler),
    webRequest: {
      onHeadersReceived: (listener: Listener) => void (recorded.headersListener = listener),
    },
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown }) => void (recorded.menuTemplate = menu.template),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const net = {
  fetch: async (url: string) => {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    const body = await readFile(fileURLToPath(url));
    return new Response(body, {
      headers: { 'content-type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' },
    });
  },
};

export const safeStorage = {
  // Like Linux without a keyring: "available", but only through the basic_text backend.
  isEncryptionAvailable: () => true,
  encryptString: () => {
    throw new Error('unavailable');
  },
  decryptString: () => '',
  getSelectedStorageBackend: () => 'basic_text',
};

export const dialog = {
  showMessageBoxSync: (...args: unknown[]) => {
    const options = args.at(-1) as { title?: string; message?: string };
    recorded.messageBoxes.push(options.title ?? options.message ?? '');
    return recorded.messageBoxAnswer;
  },
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
};
/** Dropped files the fake knows a path for (a File made in the test → its path). */
export const droppedFilePaths = ((
  globalThis as { __linedeskDropped?: WeakMap<object, string> }
).__linedeskDropped ??= new WeakMap<object, string>());
export const webUtils = { getPathForFile: (file: object) => droppedFilePaths.get(file) ?? '' };
export const shell = { openExternal: async (url: string) => void recorded.opened.push(url) };
export const utilityProcess = {
  fork: () => {
    throw new Error('utilityProcess is not available in tests');
  },
};

const electron = {
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  BrowserWindow,
  protocol,
  session,
  Menu,
  screen,
  net,
  safeStorage,
  dialog,
  shell,
  utilityProcess,
  webUtils,
};
export default electron;
