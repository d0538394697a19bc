// The only place that touches ipcMain: one handler per contract channel, each refusing calls from
// any frame that is not the app's own top-level page, then delegating to the router.
import { ipcMain } from 'electron';
import { IPC_CHANNELS, type IpcEnvelope } from '../../../common/ipc/contract';
import type { IpcRouter } from './router';

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export const FORBIDDEN_SENDER: IpcEnvelope = {
  ok: false,
  error: {
    code: 'FORBIDDEN_SENDER',
    message: 'This request did not come from a Linedesk page, so it was refused.',
  },
};

/** Only the top frame of a page served from the app's own origin may call main. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url);
}

/** Registers every channel; returns a function removing them again. */
export function registerIpcHandlers(
  router: IpcRouter,
  options: { isAppUrl: (url: string) => boolean },
): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event.senderFrame, options.isAppUrl)) return FORBIDDEN_SENDER;
      return router.invoke(channel, args);
    });
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
