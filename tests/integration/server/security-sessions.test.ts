// Security rule "sessions end" on SQLite and PostgreSQL, with the movable clock: a refresh chain
// ends 12 hours after sign-in at the latest (LINEDESK_SESSION_HOURS) and after 60 idle minutes
// (LINEDESK_IDLE_MINUTES); the access tokens of an ended session stop too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

const minute = 60_000;

describe.each(serviceBackends())('sessions end on $name', (backend) => {
  let service: TestService;

  const refresh = (refreshToken: string) =>
    service.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
  });
  afterAll(() => service.close());

  it('a refresh chain ends 12 hours after sign-in, however active', async () => {
    service.clock.reset();
    try {
      const session = await service.signIn();
      let refreshToken = session.refreshToken;
      let accessToken = session.accessToken;
      // Refreshing every 50 minutes keeps it alive up to the 12th hour...
      for (let step = 1; step <= 14; step += 1) {
        service.clock.advance(50 * minute);
        const next = await refresh(refreshToken);
        expect(next.status, `refresh after ${step * 50} minutes`).toBe(200);
        refreshToken = next.body.refreshToken;
        accessToken = next.body.accessToken;
        expect(Date.parse(next.body.expiresAt)).toBeLessThanOrEqual(
          Date.parse(session.expiresAt) - 15 * minute + 12 * 60 * minute,
        );
      }
      // ... 11 h 40 min now; the last refresh's access token works until the 12th hour.
      service.clock.advance(10 * minute);
      expect((await service.request('GET', '/api/v1/me', { token: accessToken })).status).toBe(200);
      service.clock.advance(11 * minute);
      const ended = await refresh(refreshToken);
      expect(ended.status).toBe(401);
      expect((await service.request('GET', '/api/v1/me', { token: accessToken })).status).toBe(401);
    } finally {
      service.clock.reset();
    }
  });

  it('a session ends after 60 idle minutes', async () => {
    service.clock.reset();
    try {
      const session = await service.signIn();
      service.clock.advance(59 * minute);
      const alive = await refresh(session.refreshToken);
      expect(alive.status).toBe(200);
      service.clock.advance(61 * minute);
      expect((await refresh(alive.body.refreshToken)).status).toBe(401);
    } finally {
      service.clock.reset();
    }
  });

  it('LINEDESK_SESSION_HOURS and LINEDESK_IDLE_MINUTES set the limits', async () => {
    const short = await startTestService(backend, {
      listen: false,
      config: { sessionHours: 1, idleMinutes: 20 },
    });
    try {
      const first = await short.signIn();
      short.clock.advance(21 * minute);
      expect(
        (
          await short.request('POST', '/api/v1/auth/refresh', {
            body: { refreshToken: first.refreshToken },
          })
        ).status,
      ).toBe(401);
      const second = await short.signIn();
      let refreshToken = second.refreshToken;
      for (let step = 0; step < 3; step += 1) {
        short.clock.advance(19 * minute);
        const next = await short.request('POST', '/api/v1/auth/refresh', {
          body: { refreshToken },
        });
        expect(next.status).toBe(200);
        refreshToken = next.body.refreshToken;
      }
      short.clock.advance(4 * minute);
      expect(
        (await short.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } })).status,
      ).toBe(401);
    } finally {
      await short.close();
    }
  });
});
