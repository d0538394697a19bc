// The list of IPC channels (`domain:action`) and menu commands, kept free of zod so the sandboxed
// preload and the test harness can build `window.linedesk` from it without the schemas.
import type { IpcErrorCode } from './errors';

/** Every request the renderer may send to main; `domain:action` becomes `linedesk.domain.action()`. */
export const IPC_CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'vault:status',
  'session:signIn',
  'session:refresh',
  'session:signOut',
  'session:resume',
  'localService:start',
  'localService:status',
  'localService:stop',
  'files:saveCsv',
  'files:savePng',
  'shell:openExternal',
  'prefs:get',
  'prefs:set',
  'csv:open',
  'csv:openDropped',
  'csv:cancelOpen',
  'csv:rows',
  'csv:edit',
  'csv:deleteRow',
  'csv:summary',
  'csv:recheck',
  'csv:exportProblems',
  'csv:saveAs',
  'drafts:list',
  'drafts:open',
  'drafts:delete',
  'drafts:setUpload',
  'recentFiles:list',
  'recentFiles:open',
  'metadata:status',
  'metadata:refresh',
  'upload:start',
  'upload:status',
  'upload:list',
  'upload:cancel',
  'upload:resume',
  'upload:forget',
  'upload:fixFailedRows',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/**
 * Commands main sends to the renderer from the application menu (Ctrl/Cmd+N, +F, +R, File → Open
 * CSV File… and File → Open Recent).
 */
export const MENU_COMMANDS = [
  'addAccount',
  'search',
  'refresh',
  'openFile',
  'openRecentFile',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What a command carries besides its name: openRecentFile names the recent file's opaque id. */
export interface MenuCommandDetail {
  recentFileId?: string;
}

/** The one main → renderer channel; its arguments are a MenuCommand and, for some, its detail. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** Main → renderer: how far opening a CSV file is (a CsvOpenProgress, common/ipc/csv-contract.ts). */
export const CSV_OPEN_PROGRESS_CHANNEL = 'csv:openProgress';

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'linedesk';

/** What every channel answers on the wire: the result, or an error an administrator can read. */
export type IpcEnvelope<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The detail as the renderer may trust it: only a recent file id of the shape main makes. */
export function menuCommandDetailOf(value: unknown): MenuCommandDetail {
  const id = (value as { recentFileId?: unknown } | null | undefined)?.recentFileId;
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? { recentFileId: id } : {};
}

/** A progress event as the renderer may trust it: three whole numbers ≥ 0, else null. */
export function openProgressOf(
  value: unknown,
): { rowsRead: number; bytesRead: number; totalBytes: number } | null {
  const { rowsRead, bytesRead, totalBytes } = (value ?? {}) as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!count(rowsRead) || !count(bytesRead) || !count(totalBytes)) return null;
  return { rowsRead, bytesRead, totalBytes };
}

/** Splits `session:signIn` into its bridge group and method name. */
export function splitChannel(channel: IpcChannel): { domain: string; action: string } {
  const [domain = '', action = ''] = channel.split(':');
  return { domain, action };
}
