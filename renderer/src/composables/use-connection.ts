// Whether the provisioning service is reachable, shared by the client (which reports) and the banner
// (which offers Retry). Screens watch `retryCount` to reload after the admin presses Retry.
import { reactive } from 'vue';

interface ConnectionState {
  unreachable: boolean;
  since: string | null;
  retryCount: number;
}

export const connectionState = reactive<ConnectionState>({
  unreachable: false,
  since: null,
  retryCount: 0,
});

export function reportUnreachable(): void {
  if (!connectionState.unreachable) {
    connectionState.unreachable = true;
    connectionState.since = new Date().toISOString();
  }
}

export function reportReachable(): void {
  connectionState.unreachable = false;
  connectionState.since = null;
}

/** Asks every screen to load again. */
export function requestRetry(): void {
  connectionState.retryCount += 1;
}
