// Several service instances on one database (the shared-server setup): secrets, sessions, rate
// limits and idempotency keys live in the database, so every instance agrees. Also the
// LINEDESK_SECRET override and health's 503 when the database stops answering.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('two instances on one $name database', (backend) => {
  let first: TestService;
  let second: TestService;
  beforeAll(async () => {
    first = await startTestService(backend, { listen: false });
    second = await startTestService(backend, { listen: false, sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('bootstraps once and shares the signing secret', async () => {
    const administrators = await first.db.selectFrom('administrators').select('id').execute();
    expect(administrators).toHaveLength(1);
    const session = await first.signIn();
    const me = await second.request('GET', '/api/v1/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(first.admin.id);
  });

  it('a refresh on one instance retires the token on the other; sign-out ends it everywhere', async () => {
    const session = await first.signIn();
    const rotated = await second.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(rotated.status).toBe(200);
    first.clock.advance(60_000);
    try {
      const old = await first.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(old.status).toBe(401);
    } finally {
      first.clock.reset();
    }

    const other = await second.signIn();
    await first.request('POST', '/api/v1/auth/logout', {
      body: { refreshToken: other.refreshToken },
    });
    expect((await second.request('GET', '/api/v1/me', { token: other.accessToken })).status).toBe(
      401,
    );
  });

  it('failed sign-ins counted on one instance lock the account on the other', async () => {
    const token = await first.login();
    const email = `shared-limit-${Date.now()}@example.test`;
    const created = await first.request('POST', '/api/v1/administrators', {
      token,
      body: { organizationId: first.rootOrganizationId, email, name: 'Shared', privileges: [] },
    });
    expect(created.status).toBe(201);
    const window = 15 * 60 * 1000;
    const start = new Date(Math.floor(Date.now() / window) * window + 60_000);
    first.clock.set(start);
    second.clock.set(start);
    try {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const instance = attempt % 2 === 0 ? first : second;
        await instance.request('POST', '/api/v1/auth/login', {
          body: { email, password: `wrong ${attempt}` },
          remoteAddress: `10.3.0.${attempt}`,
        });
      }
      for (const instance of [first, second]) {
        const locked = await instance.request('POST', '/api/v1/auth/login', {
          body: { email, password: 'anything at all' },
          remoteAddress: '10.3.1.1',
        });
        expect(locked.status).toBe(429);
      }
    } finally {
      first.clock.reset();
      second.clock.reset();
    }
  });

  it('an Idempotency-Key used on one instance replays on the other', async () => {
    const token = await first.login();
    const key = randomUUID();
    const body = { name: 'Across Instances', parentId: first.rootOrganizationId };
    const created = await first.request('POST', '/api/v1/organizations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(created.status).toBe(201);
    const replayed = await second.request('POST', '/api/v1/organizations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(replayed.status).toBe(201);
    expect(replayed.body.id).toBe(created.body.id);
  });
});

describe.each(serviceBackends())('LINEDESK_SECRET and health on $name', (backend) => {
  it('instances with the same LINEDESK_SECRET accept each other’s tokens, others do not', async () => {
    const first = await startTestService(backend, {
      listen: false,
      config: { secret: 'one shared secret for the tests, long enough' },
    });
    const same = await startTestService(backend, {
      listen: false,
      sameDatabaseAs: first,
      config: { secret: 'one shared secret for the tests, long enough' },
    });
    const stored = await startTestService(backend, { listen: false, sameDatabaseAs: first });
    try {
      const token = await first.login();
      expect((await same.request('GET', '/api/v1/me', { token })).status).toBe(200);
      // Without the override the instance uses the generated secret kept in the database.
      expect((await stored.request('GET', '/api/v1/me', { token })).status).toBe(401);
      const storedToken = await stored.login();
      expect((await first.request('GET', '/api/v1/me', { token: storedToken })).status).toBe(401);
    } finally {
      await stored.close();
      await same.close();
      await first.close();
    }
  });

  it('health answers 503 SERVICE_UNAVAILABLE when the database is gone', async () => {
    const service = await startTestService(backend, { listen: false });
    try {
      expect((await service.request('GET', '/api/v1/health')).status).toBe(200);
      await service.db.destroy();
      const response = await service.request('GET', '/api/v1/health');
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await service.close();
    }
  });
});
