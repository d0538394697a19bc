// The renderer's HTTP client against a real HTTP server: bearer token, one refresh through main on 401
// then retry, the session handed back when refresh fails, readable errors, and "unreachable" reported.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  connectClient,
  disconnectClient,
  setSessionLostHandler,
} from '../../renderer/src/api/client';
import { ApiError } from '../../renderer/src/api/api-error';
import { connectionState, reportReachable } from '../../renderer/src/composables/use-connection';
import type { LinedeskBridge } from '../../common/ipc/bridge';

// This project is type-checked with web types only (no Node types in the renderer), so the little of
// node:http used here is described locally and loaded at run time (Vitest runs in Node).
interface TestResponse {
  writeHead(status: number, headers: Record<string, string>): TestResponse;
  end(body?: string): void;
}
interface TestServer {
  listen(port: number, host: string, done: () => void): void;
  address(): { port: number };
  close(done: () => void): void;
}
interface NodeHttp {
  createServer: (
    handler: (
      request: { method?: string; url?: string; headers: Record<string, string | undefined> },
      response: TestResponse,
    ) => void,
  ) => TestServer;
}
const nodeHttpModule = 'node:http';

let server: TestServer;
let serviceUrl = '';
const seenTokens: string[] = [];

beforeAll(async () => {
  const { createServer } = (await import(/* @vite-ignore */ nodeHttpModule)) as NodeHttp;
  server = createServer((request, response) => {
    const headers = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'content-type': 'application/json',
    };
    if (request.method === 'OPTIONS') return void response.writeHead(204, headers).end();
    const token = (request.headers.authorization ?? '').replace('Bearer ', '');
    seenTokens.push(token);
    if (request.url === '/api/v1/me' && token !== 'fresh-token') {
      response
        .writeHead(401, headers)
        .end(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Sign in.' } }));
      return;
    }
    if (request.url === '/api/v1/accounts') {
      const body = {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields need attention.',
          details: { fields: { firstName: 'Required.' } },
        },
      };
      response.writeHead(422, headers).end(JSON.stringify(body));
      return;
    }
    response.writeHead(200, headers).end(JSON.stringify({ id: 'admin-1' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Main's side of session:refresh, as the preload would expose it. */
function installBridge(refresh: () => Promise<{ accessToken: string; expiresAt: string }>): {
  calls: number;
} {
  const counter = { calls: 0 };
  const bridge = {
    session: {
      refresh: async () => {
        counter.calls += 1;
        return refresh();
      },
    },
  } as unknown as LinedeskBridge;
  Object.defineProperty(window, 'linedesk', { value: bridge, configurable: true });
  return counter;
}

beforeEach(() => {
  seenTokens.length = 0;
  disconnectClient();
  reportReachable();
});

describe('api client', () => {
  it('refreshes once through main on 401 and retries with the new token', async () => {
    const refresh = installBridge(async () => ({
      accessToken: 'fresh-token',
      expiresAt: '2030-01-01T00:00:00Z',
    }));
    connectClient({ profileId: 'p1', serviceUrl, accessToken: 'stale-token' });
    const response = await api.get('/me');
    expect(response.data).toEqual({ id: 'admin-1' });
    expect(refresh.calls).toBe(1);
    expect(seenTokens).toEqual(['stale-token', 'fresh-token']);
  });

  it('hands the session back when main cannot refresh', async () => {
    installBridge(async () => {
      throw new Error('Your session has ended.');
    });
    let lost: string | null = null;
    setSessionLostHandler((reason) => (lost = reason));
    connectClient({ profileId: 'p1', serviceUrl, accessToken: 'stale-token' });
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(lost).toBe('Your session has ended. Sign in again.');
  });

  it('turns service errors into a code, a sentence and field messages', async () => {
    installBridge(async () => ({ accessToken: 'unused', expiresAt: '' }));
    connectClient({ profileId: 'p1', serviceUrl, accessToken: 'any' });
    const error = await api.get('/accounts').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 422,
      fields: { firstName: 'Required.' },
    });
  });

  it('reports an unreachable service for the banner', async () => {
    installBridge(async () => ({ accessToken: 'unused', expiresAt: '' }));
    connectClient({ profileId: 'p1', serviceUrl: 'http://127.0.0.1:9', accessToken: 'any' });
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'SERVICE_UNREACHABLE' });
    expect(connectionState.unreachable).toBe(true);
  });

  it('sends a request before the calling code goes on (a screen renders while it waits)', async () => {
    connectClient({ profileId: 'p1', serviceUrl, accessToken: 'any' });
    const sent: string[] = [];
    const answered = api.get('/me', {
      adapter: async (config) => {
        sent.push(`${config.baseURL}${config.url} ${String(config.headers.Authorization)}`);
        return { data: { id: 'admin-1' }, status: 200, statusText: 'OK', headers: {}, config };
      },
    });
    expect(sent).toEqual([`${serviceUrl}/api/v1/me Bearer any`]);
    expect((await answered).data).toEqual({ id: 'admin-1' });
  });

  it('refuses to call anything before sign-in', async () => {
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });
});
