// The renderer's single doorway to the main process: `window.linedesk`, typed by the IPC contract.
// Everything the renderer asks of main (profiles, session tokens, prefs, files) goes through here,
// and every failure arrives as a BridgeError carrying the envelope's code.
import type { LinedeskBridge } from '../../../common/ipc/bridge';
import { BridgeError, toBridgeError } from './bridge-error';

export type { LinedeskBridge } from '../../../common/ipc/bridge';
export type {
  Profile as ConnectionProfile,
  SignedInSession,
  Prefs,
  PrefsPatch,
  VaultStatus,
} from '../../../common/ipc/contract';
export { BridgeError, toBridgeError } from './bridge-error';

declare global {
  interface Window {
    linedesk?: LinedeskBridge;
  }
}

type BridgeMethod = (args?: unknown) => Promise<unknown>;

const typed = new WeakMap<object, LinedeskBridge>();

/** The same bridge, each method rejecting with a BridgeError instead of the raw failure. */
function withBridgeErrors(raw: LinedeskBridge): LinedeskBridge {
  const groups: Record<string, unknown> = {};
  for (const [domain, group] of Object.entries(raw)) {
    if (domain === 'menu') {
      groups[domain] = group;
      continue;
    }
    groups[domain] = Object.fromEntries(
      Object.entries(group as Record<string, BridgeMethod>).map(([action, method]) => [
        action,
        // Event subscriptions (onOpenProgress) answer an unsubscribe, not a promise.
        action.startsWith('on')
          ? method
          : (args?: unknown) =>
              method(args).catch((error: unknown) => {
                throw toBridgeError(error);
              }),
      ]),
    );
  }
  return groups as LinedeskBridge;
}

/** The bridge exposed by the preload script; a BridgeError when the page runs outside Linedesk. */
export function linedesk(): LinedeskBridge {
  const bridge = window.linedesk;
  if (!bridge) {
    throw new BridgeError(
      'BRIDGE_UNAVAILABLE',
      'Linedesk is not connected to its desktop shell. Restart the application.',
    );
  }
  let wrapped = typed.get(bridge);
  if (!wrapped) {
    wrapped = withBridgeErrors(bridge);
    typed.set(bridge, wrapped);
  }
  return wrapped;
}

/** The sentence of a bridge failure, for places that only show it. */
export function bridgeErrorMessage(error: unknown): string {
  return toBridgeError(error).message;
}
