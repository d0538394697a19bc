// The axios instance every api module uses: base URL of the signed-in profile, access token in memory,
// one refresh through main on 401 then retry, errors normalised to ApiError, unreachable → banner.
import axios, {
  type AxiosError,
  type AxiosRequestConfig,
  type InternalAxiosRequestConfig,
} from 'axios';
import { linedesk } from '../bridge/linedesk';
import { reportReachable, reportUnreachable } from '../composables/use-connection';
import { ApiError, toApiError } from './api-error';

interface Connection {
  profileId: string;
  serviceUrl: string;
  accessToken: string;
}

let connection: Connection | null = null;
let refreshing: Promise<string> | null = null;
let onSessionLost: (reason: string) => void = () => {};

/** Points the client at a signed-in profile (the token stays in memory only). */
export function connectClient(next: Connection): void {
  connection = { ...next, serviceUrl: next.serviceUrl.replace(/\/+$/, '') };
}

export function disconnectClient(): void {
  connection = null;
  refreshing = null;
}

export function updateAccessToken(accessToken: string): void {
  if (connection) connection.accessToken = accessToken;
}

/** Called when the session cannot be refreshed (the session store sends the admin to Sign in). */
export function setSessionLostHandler(handler: (reason: string) => void): void {
  onSessionLost = handler;
}

export const api = axios.create({ timeout: 60_000 });

// Synchronous: the request leaves while the caller still runs. A screen asking for its data in
// setup then waits for the service while it renders, not after (an asynchronous interceptor
// holds the request back until the whole screen has mounted).
api.interceptors.request.use(
  (config) => {
    if (!connection) {
      throw new ApiError('NOT_SIGNED_IN', 'You are not signed in to a provisioning service.');
    }
    config.baseURL = `${connection.serviceUrl}/api/v1`;
    config.headers.set('Authorization', `Bearer ${connection.accessToken}`);
    return config;
  },
  undefined,
  { synchronous: true },
);

async function refreshAccessToken(current: Connection): Promise<string> {
  refreshing ??= linedesk()
    .session.refresh({ profileId: current.profileId })
    .then((result) => {
      updateAccessToken(result.accessToken);
      return result.accessToken;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

type RetriableConfig = InternalAxiosRequestConfig & { _retried?: boolean };

api.interceptors.response.use(
  (response) => {
    reportReachable();
    return response;
  },
  async (error: AxiosError) => {
    if (!error.response && !(error instanceof ApiError)) {
      if (axios.isAxiosError(error) && error.code !== 'ERR_CANCELED') reportUnreachable();
      throw toApiError(error);
    }
    reportReachable();
    const config = error.config as RetriableConfig | undefined;
    if (error.response?.status === 401 && config && !config._retried && connection) {
      config._retried = true;
      try {
        const token = await refreshAccessToken(connection);
        config.headers.set('Authorization', `Bearer ${token}`);
        return api.request(config as AxiosRequestConfig);
      } catch {
        const reason = 'Your session has ended. Sign in again.';
        onSessionLost(reason);
        throw new ApiError('SESSION_EXPIRED', reason, { status: 401 });
      }
    }
    throw toApiError(error);
  },
);

/** The service address currently in use, for messages ("Cannot reach http://…"). */
export function currentServiceUrl(): string | null {
  return connection?.serviceUrl ?? null;
}
