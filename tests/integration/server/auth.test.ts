// Sign-in, refresh rotation, sign-out revocation, password change and sign-in rate limits,
// on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteAdministrator } from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

/** One minute into a fresh 15-minute rate-limit window, so that no burst straddles two windows. */
function startOfAWindow(): Date {
  const window = 15 * 60 * 1000;
  return new Date(Math.floor(Date.now() / window) * window + 60 * 1000);
}

describe.each(serviceBackends())('auth on $name', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(backend);
  });
  afterAll(() => service.close());

  it('signs in and answers the session with the administrator', async () => {
    const response = await service.request('POST', '/api/v1/auth/login', {
      body: { email: service.admin.email.toUpperCase(), password: service.admin.password },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      passwordChangeRequired: false,
      administrator: { email: service.admin.email, organizationId: service.rootOrganizationId },
    });
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await service.request('GET', '/api/v1/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: service.admin.id,
      organizationId: service.rootOrganizationId,
      privileges: ['accounts', 'accounts_bulk', 'numbers', 'administrators', 'setup', 'reports'],
      passwordChangeRequired: false,
    });
  });

  it('refuses wrong credentials with 401 INVALID_CREDENTIALS', async () => {
    for (const body of [
      { email: service.admin.email, password: 'not the password' },
      { email: 'nobody@example.test', password: 'whatever it is' },
    ]) {
      const response = await service.request('POST', '/api/v1/auth/login', {
        body,
        remoteAddress: '10.0.0.1',
      });
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: expect.any(String),
        details: {},
      });
    }
  });

  it('answers 401 UNAUTHORIZED without a token, with a garbage or expired one', async () => {
    const token = await service.login();
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${token}x`, 'Basic abc']) {
      const response = await service.request('GET', '/api/v1/me', {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHORIZED');
    }
    service.clock.advance(16 * 60 * 1000);
    try {
      const expired = await service.request('GET', '/api/v1/me', { token });
      expect(expired.status).toBe(401);
    } finally {
      service.clock.advance(-16 * 60 * 1000);
    }
  });

  it('rotates refresh tokens: the old one stops working, and reusing it ends the session', async () => {
    const first = await service.signIn();
    const refreshed = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    expect(
      (await service.request('GET', '/api/v1/me', { token: refreshed.body.accessToken })).status,
    ).toBe(200);

    service.clock.advance(60_000);
    const reused = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('UNAUTHORIZED');
    // Reuse of a rotated token means it leaked: the whole session ends, new token included.
    const afterReuse = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(afterReuse.status).toBe(401);
    expect(
      (await service.request('GET', '/api/v1/me', { token: refreshed.body.accessToken })).status,
    ).toBe(401);
    service.clock.reset();
  });

  it('two refreshes racing with one token: one wins and its session stays alive', async () => {
    const session = await service.signIn();
    const answers = await Promise.all(
      [1, 2].map(() =>
        service.request('POST', '/api/v1/auth/refresh', {
          body: { refreshToken: session.refreshToken },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    const winner = answers.find((answer) => answer.status === 200);
    const next = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: winner?.body.refreshToken },
    });
    expect(next.status).toBe(200);
  });

  it('logout revokes the refresh token and the session’s access tokens', async () => {
    const session = await service.signIn();
    const other = await service.signIn();
    const logout = await service.request('POST', '/api/v1/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(logout.status).toBe(200);
    expect(logout.body).toEqual({ ok: true });
    const refresh = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);
    expect(
      (await service.request('GET', '/api/v1/me', { token: session.accessToken })).status,
    ).toBe(401);
    // Another session of the same administrator is untouched.
    expect((await service.request('GET', '/api/v1/me', { token: other.accessToken })).status).toBe(
      200,
    );
    // Unknown tokens are simply ignored.
    const unknown = await service.request('POST', '/api/v1/auth/logout', {
      body: { refreshToken: 'never-issued' },
    });
    expect(unknown.status).toBe(200);
  });

  it('a temporary password signs in once, requires a change, and the new password works', async () => {
    const token = await service.login();
    const invited = await inviteAdministrator(service, token, { privileges: ['reports'] });
    const first = await service.signIn(invited.email, invited.temporaryPassword);
    expect(first.passwordChangeRequired).toBe(true);
    expect(first.administrator.status).toBe('invited');
    // That session is a full one.
    expect(
      (await service.request('GET', '/api/v1/audit-events', { token: first.accessToken })).status,
    ).toBe(200);
    const again = await service.request('POST', '/api/v1/auth/login', {
      body: { email: invited.email, password: invited.temporaryPassword },
      remoteAddress: '10.0.0.2',
    });
    expect(again.status).toBe(401);

    const tooShort = await service.request('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      body: { currentPassword: invited.temporaryPassword, newPassword: 'short' },
    });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.details.fields.newPassword).toEqual(expect.any(String));
    const wrongCurrent = await service.request('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      body: { currentPassword: 'not it at all', newPassword: 'a much better password' },
    });
    expect(wrongCurrent.status).toBe(422);
    expect(wrongCurrent.body.error.details.fields.currentPassword).toEqual(expect.any(String));

    const changed = await service.request('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      body: { currentPassword: invited.temporaryPassword, newPassword: 'a much better password' },
    });
    expect(changed.status).toBe(200);
    expect(
      (await service.request('GET', '/api/v1/me', { token: first.accessToken })).body,
    ).toMatchObject({
      passwordChangeRequired: false,
    });
    const elsewhere = await service.signIn(invited.email, 'a much better password');
    const again2 = await service.request('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      body: { currentPassword: 'a much better password', newPassword: 'an even better password' },
    });
    expect(again2.status).toBe(200);
    // Changing the password ends the administrator's other sessions.
    expect(
      (await service.request('GET', '/api/v1/me', { token: elsewhere.accessToken })).status,
    ).toBe(401);
    expect((await service.request('GET', '/api/v1/me', { token: first.accessToken })).status).toBe(
      200,
    );
    const next = await service.signIn(invited.email, 'an even better password');
    expect(next.passwordChangeRequired).toBe(false);
    expect(next.administrator.status).toBe('active');
  });

  it(
    'locks an account after 10 failed sign-ins in 15 minutes, even for the right password',
    { timeout: 120_000 },
    async () => {
      const token = await service.login();
      const invited = await inviteAdministrator(service, token, { privileges: [] });
      service.clock.set(startOfAWindow());
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const response = await service.request('POST', '/api/v1/auth/login', {
          body: { email: invited.email, password: `wrong ${attempt}` },
          remoteAddress: `10.1.0.${attempt}`,
        });
        expect(response.status).toBe(401);
      }
      const locked = await service.request('POST', '/api/v1/auth/login', {
        body: { email: invited.email, password: invited.temporaryPassword },
        remoteAddress: '10.1.1.1',
      });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      // The lock is counted in the database: it holds for every client address.
      service.clock.advance(16 * 60 * 1000);
      try {
        const later = await service.request('POST', '/api/v1/auth/login', {
          body: { email: invited.email, password: invited.temporaryPassword },
          remoteAddress: '10.1.1.2',
        });
        expect(later.status).toBe(200);
      } finally {
        service.clock.reset();
      }
    },
  );

  it('blocks a client address after 50 failed sign-ins', { timeout: 120_000 }, async () => {
    const address = '10.2.0.1';
    service.clock.set(startOfAWindow());
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const response = await service.request('POST', '/api/v1/auth/login', {
        body: { email: `guess-${attempt}@example.test`, password: 'guess' },
        remoteAddress: address,
      });
      expect(response.status).toBe(401);
    }
    const blocked = await service.request('POST', '/api/v1/auth/login', {
      body: { email: service.admin.email, password: service.admin.password },
      remoteAddress: address,
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await service.request('POST', '/api/v1/auth/login', {
      body: { email: service.admin.email, password: service.admin.password },
      remoteAddress: '10.2.0.2',
    });
    expect(elsewhere.status).toBe(200);
    service.clock.reset();
  });

  it(
    'behind a trusted proxy, the per-address limit uses X-Forwarded-For',
    { timeout: 120_000 },
    async () => {
      const proxied = await startTestService(backend, {
        // Only the listed proxy is trusted (security rule: never `true`); inject comes from 127.0.0.1.
        config: { trustProxy: ['127.0.0.1'] },
        listen: false,
      });
      try {
        proxied.clock.set(startOfAWindow());
        for (let attempt = 0; attempt < 50; attempt += 1) {
          await proxied.request('POST', '/api/v1/auth/login', {
            body: { email: `guess-${attempt}@example.test`, password: 'guess' },
            headers: { 'x-forwarded-for': '203.0.113.7' },
          });
        }
        const blocked = await proxied.request('POST', '/api/v1/auth/login', {
          body: { email: proxied.admin.email, password: proxied.admin.password },
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        expect(blocked.status).toBe(429);
        const otherClient = await proxied.request('POST', '/api/v1/auth/login', {
          body: { email: proxied.admin.email, password: proxied.admin.password },
          headers: { 'x-forwarded-for': '203.0.113.8' },
        });
        expect(otherClient.status).toBe(200);
      } finally {
        await proxied.close();
      }
    },
  );
});
