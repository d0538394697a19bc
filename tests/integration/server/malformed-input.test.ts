// Every route of the service, fed junk (bad JSON, wrong types, odd ids, huge page sizes, unknown
// filters), answers in the error shape with a status below 500. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

const junkIds = [
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '..',
  "'; drop table x;--",
  '+1%20202',
];

const junkBodies: Array<{ payload: string; note: string }> = [
  { payload: '{"unterminated": ', note: 'bad JSON' },
  { payload: '[]', note: 'an array' },
  { payload: '"text"', note: 'a string' },
  { payload: '{}', note: 'an empty object' },
  {
    payload: JSON.stringify({
      organizationId: { $gt: '' },
      accountIds: 'a,b',
      administratorIds: [1, 2],
      rows: [{ rowNumber: 'x' }],
      page: -1,
      numbers: ['abc', 12],
      name: ['x'],
      email: 5,
      state: 'melted',
      linesAllowed: 1e308,
      refreshToken: 12,
    }),
    note: 'wrong types everywhere',
  },
  {
    payload: JSON.stringify({ accountIds: Array.from({ length: 5000 }, (_, i) => `id-${i}`) }),
    note: 'a long list',
  },
];

const junkQueries: Array<Record<string, string>> = [
  { page: 'abc', pageSize: '100000' },
  { organizationId: 'nope', includeSubOrganizations: 'maybe' },
  { sort: 'password:sideways', status: 'melted', state: 'x,,y', q: '%_\\\'"' },
  { accountIds: ',,,', targetOrganizationId: '' },
];

describe.each(serviceBackends())('malformed input on $name', (backend) => {
  let service: TestService;
  let token: string;
  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service.close());

  it('no route answers 500 to junk', { timeout: 240_000 }, async () => {
    const routes = service.app.apiRoutes.filter(
      (route) =>
        route.url.startsWith('/api/v1/') &&
        !['HEAD', 'OPTIONS'].includes(route.method) &&
        // Signing out or refreshing with junk is harmless but would end the test's session.
        route.url !== '/api/v1/auth/logout',
    );
    expect(routes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const route of routes) {
      const urls = route.url.includes(':')
        ? junkIds.map((id) => route.url.replace(/:\w+/g, encodeURIComponent(id)))
        : [route.url];
      for (const url of urls) {
        const attempts =
          route.method === 'GET' || route.method === 'DELETE'
            ? junkQueries.map((query) => ({ query, payload: undefined as string | undefined }))
            : junkBodies.map(({ payload }) => ({ query: undefined, payload }));
        for (const attempt of attempts) {
          const response = await service.request(route.method, url, {
            token,
            query: attempt.query,
            payload: attempt.payload,
            headers: attempt.payload ? { 'content-type': 'application/json' } : {},
          });
          if (response.status >= 500) {
            failures.push(
              `${route.method} ${url} ${attempt.payload ?? JSON.stringify(attempt.query)} → ${response.status} ${response.text.slice(0, 200)}`,
            );
          } else if (
            response.status >= 400 &&
            String(response.headers['content-type']).includes('json')
          ) {
            expect(response.body.error, `${route.method} ${url}`).toMatchObject({
              code: expect.any(String),
              message: expect.any(String),
            });
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The session survived all that (nothing junk-driven signed us out or broke the service).
    expect((await service.request('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('asks for a token before it looks at the body: every protected route answers 401 to junk without one', async () => {
    const open = new Set([
      '/api/v1/health',
      '/api/v1/openapi.json',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      // Logout revokes the refresh token it is given; it needs no access token.
      '/api/v1/auth/logout',
    ]);
    const protectedRoutes = service.app.apiRoutes.filter(
      (route) =>
        route.url.startsWith('/api/v1/') &&
        !['HEAD', 'OPTIONS'].includes(route.method) &&
        !open.has(route.url) &&
        !route.url.startsWith('/api/v1/activation'),
    );
    expect(protectedRoutes.length).toBeGreaterThan(15);
    const notAsked: string[] = [];
    for (const route of protectedRoutes) {
      const url = route.url.replace(/:\w+/g, 'not-a-uuid');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{"junk": [';
      const response = await service.request(route.method, url, {
        payload: body,
        query: { page: 'abc' },
        headers: body ? { 'content-type': 'application/json' } : {},
      });
      if (response.status !== 401)
        notAsked.push(`${route.method} ${route.url} → ${response.status}`);
    }
    expect(notAsked).toEqual([]);
  });
});
