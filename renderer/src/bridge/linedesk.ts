// The renderer's single doorway to the main process: `window.linedesk`, typed by SHELL's IPC contract.
// Everything the renderer asks of main (profiles, session tokens, prefs, files) goes through here.
import type { LinedeskBridge } from '../../../common/ipc/bridge';

export type { LinedeskBridge } from '../../../common/ipc/bridge';
export type {
  Profile as ConnectionProfile,
  SignedInSession,
  Prefs,
  PrefsPatch,
  VaultStatus,
} from '../../../common/ipc/contract';

declare global {
  interface Window {
    linedesk?: LinedeskBridge;
  }
}

/** The bridge exposed by the preload script; a clear sentence when the page runs outside Linedesk. */
export function linedesk(): LinedeskBridge {
  const bridge = window.linedesk;
  if (!bridge) {
    throw new Error('Linedesk is not connected to its desktop shell. Restart the application.');
  }
  return bridge;
}

/** Message of a bridge failure (main rejects with an Error whose message is already admin-readable). */
export function bridgeErrorMessage(error: unknown): string {
  if (error instanceof Error && error.message) {
    // Electron prefixes remote errors with "Error invoking remote method 'x': Error: ".
    return error.message.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '');
  }
  return 'Something went wrong in Linedesk. Try again.';
}
