// Whatever a client sends, the answer is a 4xx in the error shape, never a 500; plus CORS and the
// OpenAPI document. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

function expectErrorShape(body: unknown, code?: string): void {
  expect(body).toEqual({
    error: {
      code: code ?? expect.any(String),
      message: expect.any(String),
      details: expect.any(Object),
    },
  });
}

describe.each(serviceBackends())('error answers on $name', (backend) => {
  let service: TestService;
  let token: string;
  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
  });
  afterAll(() => service.close());

  it('unknown routes and methods answer 404 in the error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['DELETE', '/api/v1/health'],
      ['GET', '/'],
    ] as const) {
      const response = await service.request(method, url, { token });
      expect(response.status).toBe(404);
      expectErrorShape(response.body, 'NOT_FOUND');
    }
  });

  it('bad JSON is 400 INVALID_JSON; a wrong content type is 415', async () => {
    for (const payload of ['{"name": ', '', 'null x', '{"a":1}}']) {
      const response = await service.request('POST', '/api/v1/organizations', {
        token,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, 'INVALID_JSON');
    }
    const text = await service.request('POST', '/api/v1/organizations', {
      token,
      payload: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expectErrorShape(text.body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('wrong types answer 422 VALIDATION_FAILED naming each field', async () => {
    const response = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 42, parentId: ['x'] },
    });
    expect(response.status).toBe(422);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(Object.keys(response.body.error.details.fields).sort()).toEqual(['name', 'parentId']);

    for (const body of [
      null,
      [],
      'text',
      12,
      { name: '' },
      { name: 'x'.repeat(10_000), parentId: 'a' },
    ]) {
      const answer = await service.request('POST', '/api/v1/organizations', { token, body });
      expect(answer.status).toBe(422);
      expectErrorShape(answer.body, 'VALIDATION_FAILED');
    }
    const nested = await service.request(
      'PATCH',
      `/api/v1/organizations/${service.rootOrganizationId}/settings`,
      {
        token,
        body: { allowedEmailDomains: ['example.com', 'not a domain'] },
      },
    );
    expect(nested.status).toBe(422);
    expect(nested.body.error.details.fields).toHaveProperty(['allowedEmailDomains.1']);
  });

  it('page sizes over 500, negative pages and junk query values answer 422', async () => {
    const queries: Array<Record<string, string>> = [
      { pageSize: '100000' },
      { pageSize: '0' },
      { page: '-1' },
      { page: 'abc' },
      { pageSize: '1e3' },
      { page: '99999999999999999999' },
    ];
    for (const query of queries) {
      const response = await service.request('GET', '/api/v1/organizations', { token, query });
      expect(response.status).toBe(422);
      expectErrorShape(response.body, 'VALIDATION_FAILED');
    }
    const repeated = await service.request('GET', '/api/v1/organizations?page=1&page=2', { token });
    expect(repeated.status).toBe(422);
    const ok = await service.request('GET', '/api/v1/organizations', {
      token,
      query: { pageSize: '500' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.pageSize).toBe(500);
  });

  it('unknown and non-UUID ids answer 404, never 500', async () => {
    for (const id of [
      '00000000-0000-0000-0000-000000000000',
      'not-a-uuid',
      "1' or '1'='1",
      '%E2%9C%93',
      'x'.repeat(300),
    ]) {
      for (const path of ['settings', 'invitation-template']) {
        const response = await service.request('GET', `/api/v1/organizations/${id}/${path}`, {
          token,
        });
        expect(response.status).toBe(404);
        expectErrorShape(response.body, 'NOT_FOUND');
      }
      const admin = await service.request('PATCH', `/api/v1/administrators/${id}`, {
        token,
        body: { name: 'x' },
      });
      expect(admin.status).toBe(404);
    }
    const unknownFilter = await service.request('GET', '/api/v1/permission-profiles', {
      token,
      query: { organizationId: 'nope' },
    });
    expect(unknownFilter.status).toBe(404);
  });

  it('NUL characters are refused up front (PostgreSQL text cannot hold them)', async () => {
    const body = await service.request('POST', '/api/v1/organizations', {
      token,
      payload: '{"name":"a\\u0000b","parentId":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(body.status).toBe(422);
    expectErrorShape(body.body, 'VALIDATION_FAILED');
    const url = await service.request('GET', '/api/v1/organizations?q=a%00b', { token });
    expect(url.status).toBe(400);
    expectErrorShape(url.body, 'BAD_REQUEST');
    const login = await service.request('POST', '/api/v1/auth/login', {
      payload: '{"email":"a\\u0000@x.test","password":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(login.status).toBe(422);
  });

  it('a body over the size limit answers 413', async () => {
    const response = await service.request('POST', '/api/v1/organizations', {
      token,
      payload: JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024), parentId: 'a' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE');
  });

  it('odd but valid search text is taken literally', async () => {
    for (const q of ['%', '_', '\\', "'", '😀', 'ä']) {
      const response = await service.request('GET', '/api/v1/organizations', {
        token,
        query: { q },
      });
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(0);
    }
  });

  it('CORS allows only the configured origins', async () => {
    const allowed = await fetch(`${service.url}/api/v1/organizations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const refused = await fetch(`${service.url}/api/v1/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${service.url}/api/v1/health`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('the OpenAPI document lists every route of the service', async () => {
    const response = await fetch(`${service.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    const routes = service.app.apiRoutes.filter(
      (route) =>
        route.url.startsWith('/api/v1/') && route.method !== 'HEAD' && route.method !== 'OPTIONS',
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(document.paths[path], `${route.method} ${path}`).toBeDefined();
      expect(
        document.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path}`,
      ).toBeDefined();
    }
    const create = document.paths['/api/v1/organizations']?.post as {
      responses: Record<string, unknown>;
      requestBody: unknown;
    };
    expect(Object.keys(create.responses).sort()).toEqual(['201', '4XX']);
    expect(create.requestBody).toBeDefined();
    for (const path of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/auth/password',
      '/api/v1/me',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}/settings',
      '/api/v1/organizations/{id}/invitation-template',
      '/api/v1/permission-profiles',
      '/api/v1/administrators',
      '/api/v1/administrators/{id}',
      '/api/v1/administrators/resend-invitation',
      '/api/v1/audit-events',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
  });
});
