// A tiny REAL HTTP server speaking api.md's login / refresh / logout / me shapes, for session
// tests that must not wait for the real service. Refresh tokens rotate: a used one is refused.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthServiceDouble {
  url: string;
  email: string;
  password: string;
  /** Refresh tokens the service still accepts. */
  validRefreshTokens: Set<string>;
  calls: { path: string; body: unknown; authorization?: string }[];
  close(): Promise<void>;
}

const administrator = {
  id: 'adm-1',
  organizationId: 'org-1',
  email: 'ada@example.com',
  name: 'Ada Admin',
  privileges: ['accounts', 'administrators'],
  status: 'active',
  invitedAt: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startAuthServiceDouble(): Promise<AuthServiceDouble> {
  const validRefreshTokens = new Set<string>();
  const calls: AuthServiceDouble['calls'] = [];
  const issue = () => {
    const refreshToken = `rt-${randomUUID()}`;
    validRefreshTokens.add(refreshToken);
    return {
      accessToken: `at-${randomUUID()}`,
      refreshToken,
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    };
  };
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = (await readJson(request)) as Record<string, unknown> | undefined;
    const path = (request.url ?? '').replace(/^\/api\/v1/, '');
    calls.push({ path, body, authorization: request.headers.authorization });
    const send = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const unauthorized = (code: string, message: string) =>
      send(401, { error: { code, message, details: {} } });
    if (request.method === 'POST' && path === '/auth/login') {
      if (body?.email !== administrator.email || body?.password !== double.password) {
        return unauthorized('INVALID_CREDENTIALS', 'The email address or password is not correct.');
      }
      return send(200, { ...issue(), administrator, passwordChangeRequired: false });
    }
    if (request.method === 'POST' && path === '/auth/refresh') {
      const token = typeof body?.refreshToken === 'string' ? body.refreshToken : '';
      if (!validRefreshTokens.delete(token)) return unauthorized('UNAUTHORIZED', 'Sign in again.');
      return send(200, { ...issue(), administrator, passwordChangeRequired: false });
    }
    if (request.method === 'POST' && path === '/auth/logout') {
      if (typeof body?.refreshToken === 'string') validRefreshTokens.delete(body.refreshToken);
      return send(200, { ok: true });
    }
    if (request.method === 'GET' && path === '/me') return send(200, administrator);
    return send(404, { error: { code: 'NOT_FOUND', message: 'Not found.', details: {} } });
  };
  // A request's failure must not become an unhandled rejection of the server's event.
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const double: AuthServiceDouble = {
    url: `http://127.0.0.1:${port}`,
    email: administrator.email,
    password: 'correct horse battery',
    validRefreshTokens,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return double;
}
