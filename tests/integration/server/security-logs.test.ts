// Security rule "logs" on SQLite and PostgreSQL: a request log line carries method, route, status
// and time — never the query string, a body, a password, a token or a contact.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount, createOrganization } from './accounts-helpers';

describe.each(serviceBackends())('request logs on $name', (backend) => {
  let service: TestService;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    service = await startTestService(backend, {
      listen: false,
      logger: { level: 'info', stream },
    });
  });
  afterAll(() => service.close());

  it('logs method, route, status and time only', async () => {
    const session = await service.signIn();
    const token = session.accessToken;
    const organizationId = await createOrganization(service, token, 'Logged Org');
    await createAccount(service, token, {
      organizationId,
      contact: 'secret.person@example.com',
      firstName: 'Hidden',
    });
    await service.request('GET', '/api/v1/accounts', {
      token,
      query: { q: 'secret.person@example.com', organizationId },
    });
    await service.request('GET', '/api/v1/accounts', { token, query: { q: '+12025550143' } });
    await service.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.com', password: 'my wrong password' },
    });
    await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    await service.request('GET', `/api/v1/accounts/${'x'.repeat(10)}?token=abc`, { token });

    const all = lines.join('\n');
    for (const secret of [
      'secret.person',
      '12025550143',
      'nobody@example.com',
      'my wrong password',
      service.admin.password,
      session.refreshToken,
      token,
      '?q=',
      'token=abc',
      'Hidden',
    ]) {
      expect(all).not.toContain(secret);
    }
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.route !== undefined);
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        route: '/api/v1/accounts',
        status: 200,
        ms: expect.any(Number),
      }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ method: 'POST', route: '/api/v1/auth/login', status: 401 }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ method: 'GET', route: '/api/v1/accounts/:id', status: 404 }),
    );
    for (const entry of requests) {
      expect(Object.keys(entry).sort()).toEqual(
        ['level', 'time', 'pid', 'hostname', 'reqId', 'msg', 'method', 'route', 'status', 'ms']
          .filter((key) => key in entry)
          .sort(),
      );
      expect(entry).not.toHaveProperty('req');
      expect(entry).not.toHaveProperty('url');
    }
  });
});
