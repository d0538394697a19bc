// Security rule "sign-in limits hold under concurrency" on SQLite and PostgreSQL: a failure is
// counted before the password is checked, a success takes its count back, and 30 parallel wrong
// passwords answer at most 10 × 401; activations the same way (per username and per address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteAdministrator } from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { latestInvitationPassword } from './imports-helpers';

/** A moment just after the start of an hour, so a fixed window cannot end mid-test. */
/**
 * A minute into an hour that began two hours ago: every window a test fills there (15 minutes for
 * sign-ins, an hour for activations) has ended by the real time the clock returns to, whatever the
 * minute the suite runs at, so a sign-in after `clock.reset()` is never refused by it.
 */
function startOfAnHour(): Date {
  const hour = 60 * 60 * 1000;
  return new Date(Math.floor(Date.now() / hour) * hour - 2 * hour + 60 * 1000);
}

const statuses = (responses: { status: number }[]) => ({
  unauthorized: responses.filter((r) => r.status === 401).length,
  tooMany: responses.filter((r) => r.status === 429).length,
});

describe.each(serviceBackends())('sign-in and activation limits on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service.close());

  it(
    '30 parallel wrong passwords for one account: at most 10 × 401, the rest 429',
    { timeout: 120_000 },
    async () => {
      const invited = await inviteAdministrator(service, token, { privileges: [] });
      service.clock.set(startOfAnHour());
      try {
        const responses = await Promise.all(
          Array.from({ length: 30 }, (_, attempt) =>
            service.request('POST', '/api/v1/auth/login', {
              body: { email: invited.email, password: `wrong ${attempt}` },
              remoteAddress: `10.30.0.${attempt + 1}`,
            }),
          ),
        );
        const counted = statuses(responses);
        expect(counted.unauthorized).toBeLessThanOrEqual(10);
        expect(counted.unauthorized + counted.tooMany).toBe(30);
        for (const response of responses.filter((r) => r.status === 429)) {
          expect(response.body.error.code).toBe('TOO_MANY_ATTEMPTS');
        }
        const right = await service.request('POST', '/api/v1/auth/login', {
          body: { email: invited.email, password: invited.temporaryPassword },
          remoteAddress: '10.30.1.1',
        });
        expect(right.status).toBe(429);
      } finally {
        service.clock.reset();
      }
    },
  );

  it('a successful sign-in takes its own count back', { timeout: 120_000 }, async () => {
    service.clock.set(startOfAnHour());
    try {
      const email = service.admin.email;
      for (let attempt = 0; attempt < 9; attempt += 1) {
        const wrong = await service.request('POST', '/api/v1/auth/login', {
          body: { email, password: `wrong ${attempt}` },
          remoteAddress: '10.31.0.1',
        });
        expect(wrong.status).toBe(401);
      }
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const right = await service.request('POST', '/api/v1/auth/login', {
          body: { email, password: service.admin.password },
          remoteAddress: '10.31.0.2',
        });
        expect(right.status).toBe(200);
      }
      // Nine failures so far, not twelve: the tenth still answers 401.
      const tenth = await service.request('POST', '/api/v1/auth/login', {
        body: { email, password: 'wrong again' },
        remoteAddress: '10.31.0.3',
      });
      expect(tenth.status).toBe(401);
    } finally {
      service.clock.reset();
      token = await service.login();
    }
  });

  it('30 parallel wrong activations for one username: at most 10 × 401, the rest 429', async () => {
    const organizationId = await createOrganization(service, token, 'Limits Org');
    const [number] = numbersFrom(7000, 1);
    await addNumbers(service, token, organizationId, [number!]);
    const account = await createAccount(service, token, {
      organizationId,
      contact: 'limits@example.com',
      number,
      invite: true,
    });
    const password = await latestInvitationPassword(service, account.id);
    service.clock.set(startOfAnHour());
    try {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, attempt) =>
          service.request('POST', '/api/v1/activation', {
            body: {
              username: account.username,
              password: `WRONG${String(attempt).padStart(7, '0')}`,
              personalPhone: '+44 20 7946 0958',
              deviceId: 'device-limits',
            },
            remoteAddress: `10.32.0.${attempt + 1}`,
          }),
        ),
      );
      const counted = statuses(responses);
      expect(counted.unauthorized).toBeLessThanOrEqual(10);
      expect(counted.unauthorized + counted.tooMany).toBe(30);
      const right = await service.request('POST', '/api/v1/activation', {
        body: {
          username: account.username,
          password,
          personalPhone: '+44 20 7946 0958',
          deviceId: 'device-limits',
        },
        remoteAddress: '10.32.1.1',
      });
      expect(right.status).toBe(429);
    } finally {
      service.clock.reset();
    }
  });

  it('50 failed activations from one address within the hour, then 429 for any username', async () => {
    service.clock.set(startOfAnHour());
    try {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const wrong = await service.request('POST', '/api/v1/activation', {
          body: {
            username: `nobody-${attempt}@example.com`,
            password: 'WRONGWRONG00',
            personalPhone: '+44 20 7946 0958',
            deviceId: 'device-guess',
          },
          remoteAddress: '10.33.0.1',
        });
        expect(wrong.status).toBe(401);
      }
      const blocked = await service.request('POST', '/api/v1/activation', {
        body: {
          username: 'someone-else@example.com',
          password: 'WRONGWRONG00',
          personalPhone: '+44 20 7946 0958',
          deviceId: 'device-guess',
        },
        remoteAddress: '10.33.0.1',
      });
      expect(blocked.status).toBe(429);
      const elsewhere = await service.request('POST', '/api/v1/activation', {
        body: {
          username: 'someone-else@example.com',
          password: 'WRONGWRONG00',
          personalPhone: '+44 20 7946 0958',
          deviceId: 'device-guess',
        },
        remoteAddress: '10.33.0.2',
      });
      expect(elsewhere.status).toBe(401);
    } finally {
      service.clock.reset();
    }
  });
});
