// The main window: hardened webPreferences, and its size and position remembered between runs
// (restored only where a screen still shows it).
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Rectangle,
  WebPreferences,
} from 'electron';
import type { KeyValueStore } from '../services/key-value-store';

export const BOUNDS_KEY = 'windowBounds';
const DEFAULT_SIZE = { width: 1320, height: 840 };
const MIN_SIZE = { width: 960, height: 600 };

export interface SavedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Electron's security checklist, applied to every window Linedesk opens. */
export function secureWebPreferences(preloadPath: string, dev = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: dev,
  };
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The saved bounds if still sensible; the position is dropped when no display shows its top bar. */
export function restoreBounds(saved: unknown, workAreas: Rectangle[]): SavedBounds {
  const value = (saved ?? {}) as Partial<SavedBounds>;
  const width = isNumber(value.width)
    ? Math.max(MIN_SIZE.width, Math.round(value.width))
    : DEFAULT_SIZE.width;
  const height = isNumber(value.height)
    ? Math.max(MIN_SIZE.height, Math.round(value.height))
    : DEFAULT_SIZE.height;
  const maximized = value.maximized === true;
  if (!isNumber(value.x) || !isNumber(value.y)) return { width, height, maximized };
  const x = Math.round(value.x);
  const y = Math.round(value.y);
  // The title bar (top 40 px, middle of the window) must be on some screen to be draggable.
  const visible = workAreas.some(
    (area) =>
      x + width / 2 >= area.x &&
      x + width / 2 <= area.x + area.width &&
      y >= area.y &&
      y + 40 <= area.y + area.height,
  );
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export interface WindowManagerOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  workAreas: () => Rectangle[];
  store: KeyValueStore;
  preloadPath: string;
  url: string;
  dev: boolean;
  /** The window icon (Linux shows it; Windows and macOS take the packaged app's icon). */
  icon?: string;
  /** Called for each new window, e.g. to install navigation guards (also done app-wide). */
  onCreated?: (window: BrowserWindow) => void;
}

export interface WindowManager {
  open(): BrowserWindow;
  current(): BrowserWindow | null;
  /** Brings the window forward (second instance, dock click). */
  focus(): void;
}

export function windowOptions(
  options: Pick<WindowManagerOptions, 'preloadPath' | 'dev' | 'icon'>,
  bounds: SavedBounds,
): BrowserWindowConstructorOptions {
  const { maximized: _maximized, ...position } = bounds;
  return {
    ...position,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Linedesk',
    backgroundColor: '#f5f6f8',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, options.dev),
  };
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  let window: BrowserWindow | null = null;
  let saveTimer: NodeJS.Timeout | undefined;

  function save(win: BrowserWindow): void {
    if (win.isDestroyed() || win.isMinimized()) return;
    options.store.set(BOUNDS_KEY, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  }

  function open(): BrowserWindow {
    if (window && !window.isDestroyed()) return window;
    const bounds = restoreBounds(options.store.get(BOUNDS_KEY), options.workAreas());
    const win = new options.BrowserWindow(windowOptions(options, bounds));
    window = win;
    if (bounds.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    const saveSoon = () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => save(win), 500);
    };
    win.on('resized', saveSoon);
    win.on('moved', saveSoon);
    win.on('close', () => {
      clearTimeout(saveTimer);
      save(win);
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    options.onCreated?.(win);
    void win.loadURL(options.url);
    return win;
  }

  return {
    open,
    current: () => (window && !window.isDestroyed() ? window : null),
    focus() {
      const win = window && !window.isDestroyed() ? window : open();
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
  };
}
