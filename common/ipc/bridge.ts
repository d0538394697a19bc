// `window.linedesk`: its TypeScript type, derived from the IPC contract, and the one function that
// builds it from a transport (Electron's preload and the Playwright harness both use it).
import {
  IPC_CHANNELS,
  splitChannel,
  isMenuCommand,
  menuCommandDetailOf,
  openProgressOf,
  type IpcChannel,
  type IpcEnvelope,
  type MenuCommand,
  type MenuCommandDetail,
} from './channels';
import type { IpcArgs, IpcResult } from './contract';
import type { CsvOpenProgress } from './csv-contract';
import type { IpcErrorCode, IpcFailure } from './errors';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type ChannelsOf<D extends string> = Extract<IpcChannel, `${D}:${string}`>;
type ActionOf<C extends string> = C extends `${string}:${infer A}` ? A : never;

/** A bridge method: the argument is optional when the channel takes none. */
export type BridgeMethod<C extends IpcChannel> =
  undefined extends IpcArgs<C>
    ? (args?: IpcArgs<C>) => Promise<IpcResult<C>>
    : (args: IpcArgs<C>) => Promise<IpcResult<C>>;

export type BridgeDomain = DomainOf<IpcChannel>;

/** A file the admin dropped on the page (a DOM `File`); only the preload can turn it into a path. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** `csv.openDropped` takes the dropped File itself: the page never names a path. */
export type OpenDroppedMethod = (args: {
  file: DroppedFile;
  organizationId?: string | null;
}) => Promise<IpcResult<'csv:openDropped'>>;

type ContractBridge = {
  [D in BridgeDomain]: { [C in ChannelsOf<D> as ActionOf<C>]: BridgeMethod<C> };
};

export type LinedeskBridge = Omit<ContractBridge, 'csv'> & {
  csv: Omit<ContractBridge['csv'], 'openDropped'> & {
    openDropped: OpenDroppedMethod;
    /** Called while a file is being opened (csv.open, openDropped, recentFiles.open). Returns an unsubscribe. */
    onOpenProgress(listener: (progress: CsvOpenProgress) => void): () => void;
  };
} & {
  menu: {
    /**
     * Called for Ctrl/Cmd+N (addAccount), +F (search), +R (refresh), File → Open CSV File…
     * (openFile) and File → Open Recent (openRecentFile, detail.recentFileId). Returns an unsubscribe.
     */
    onCommand(listener: (command: MenuCommand, detail: MenuCommandDetail) => void): () => void;
  };
};

/** How a bridge reaches main: Electron IPC in the preload, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: IpcChannel, args: unknown): Promise<IpcEnvelope>;
  onMenuCommand(listener: (command: MenuCommand, detail?: unknown) => void): () => void;
  /** csv:openProgress events (a transport without them never reports progress). */
  onCsvOpenProgress?(listener: (progress: unknown) => void): () => void;
  /** The path of a dropped File (Electron: webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: DroppedFile): string;
}

/** The plain failure a bridge call rejects with (see IpcFailure for why it is not an Error). */
export function ipcFailure(code: IpcErrorCode, message: string): IpcFailure {
  return { name: 'BridgeError', code, message };
}

/** Turns an envelope into the value, or throws an IpcFailure with its code and readable sentence. */
export function unwrapEnvelope<T>(envelope: IpcEnvelope<T>): T {
  if (envelope && envelope.ok === true) return envelope.value;
  const failed = envelope && envelope.ok === false ? envelope.error : undefined;
  // A plain object on purpose: it reaches the page with its code (see IpcFailure).
  throw ipcFailure(
    typeof failed?.code === 'string' ? failed.code : 'INTERNAL',
    typeof failed?.message === 'string'
      ? failed.message
      : 'Linedesk could not complete this request. Try again.',
  );
}

/** Builds `window.linedesk` with one function per contract channel, grouped by domain. */
export function createLinedeskBridge(transport: BridgeTransport): LinedeskBridge {
  const groups: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const channel of IPC_CHANNELS) {
    const { domain, action } = splitChannel(channel);
    const group = (groups[domain] ??= {});
    group[action] = async (args?: unknown) => unwrapEnvelope(await transport.invoke(channel, args));
  }
  // The page hands over the File; its path is looked up here and checked again by main.
  groups.csv!.openDropped = async (args?: unknown) => {
    const { file, organizationId } = (args ?? {}) as {
      file?: DroppedFile;
      organizationId?: string | null;
    };
    const filePath = file ? transport.pathForFile(file) : '';
    if (!filePath) {
      throw ipcFailure('FILE_WITHOUT_PATH', 'Linedesk can only open a file dropped from a folder.');
    }
    return unwrapEnvelope(
      await transport.invoke('csv:openDropped', {
        path: filePath,
        ...(organizationId === undefined ? {} : { organizationId }),
      }),
    );
  };
  groups.csv!.onOpenProgress = ((listener: (progress: CsvOpenProgress) => void) =>
    transport.onCsvOpenProgress?.((value) => {
      const progress = openProgressOf(value);
      if (progress) listener(progress);
    }) ?? (() => undefined)) as never;
  const menu = {
    onCommand(listener: (command: MenuCommand, detail: MenuCommandDetail) => void): () => void {
      return transport.onMenuCommand((command, detail) => {
        if (isMenuCommand(command)) listener(command, menuCommandDetailOf(detail));
      });
    },
  };
  return { ...groups, menu } as unknown as LinedeskBridge;
}
