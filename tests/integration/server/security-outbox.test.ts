// Security rule "the outbox" on SQLite and PostgreSQL: who reads which messages, and a password
// replaced by `[removed]` in the stored text once it is no longer needed (sent, superseded by a
// resend, expired, account activated, administrator's own password set).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxMessage } from '../../../common/api/outbox';
import { inviteAdministrator, tokenWithPrivileges } from '../../support/administrators';
import { startSmsPeer, type SmsPeer } from '../../support/delivery-peers';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { latestInvitationPassword } from './imports-helpers';

const passwordLine = /Password: ([0-9A-Z]{12,})/;

describe.each(serviceBackends())('outbox privilege and redaction on $name', (backend) => {
  let service: TestService;
  let sms: SmsPeer;
  let token: string;
  let org: string;
  let numberIndex = 0;

  const storedBodies = async (where: { accountId?: string; administratorId?: string }) => {
    let query = service.db.selectFrom('outbox_messages').select(['body', 'status']);
    if (where.accountId) query = query.where('account_id', '=', where.accountId);
    if (where.administratorId) query = query.where('administrator_id', '=', where.administratorId);
    return (await query.orderBy('seq').execute()).map((row) => row.body);
  };

  const emailAccount = async (contact: string) => {
    numberIndex += 1;
    const [number] = numbersFrom(500 + numberIndex, 1);
    await addNumbers(service, token, org, [number!]);
    return createAccount(service, token, { organizationId: org, contact, number, invite: true });
  };

  beforeAll(async () => {
    sms = await startSmsPeer();
    service = await startTestService(backend, {
      listen: false,
      config: { smsUrl: sms.url },
    });
    token = await service.login();
    org = await createOrganization(service, token, 'Redaction Org');
  });
  afterAll(async () => {
    await service?.close();
    await sms?.close();
  });

  it('answers 403 FORBIDDEN to an administrator with neither Accounts nor Administrators', async () => {
    const reportsOnly = await tokenWithPrivileges(service, ['reports']);
    const response = await service.request('GET', '/api/v1/outbox', { token: reportsOnly });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('shows an administrator’s invitation only to those who may act on that administrator', async () => {
    const full = await inviteAdministrator(service, token, {
      privileges: ['accounts', 'numbers', 'setup'],
    });
    const adminsOnly = await tokenWithPrivileges(service, ['administrators']);
    const listed = await service.request('GET', '/api/v1/outbox', {
      token: adminsOnly,
      query: { pageSize: '500' },
    });
    expect(listed.status).toBe(200);
    const recipients = listed.body.items.map((m: OutboxMessage) => m.to);
    expect(recipients).not.toContain(full.email);
    // No account messages without the Accounts privilege.
    expect(listed.body.items.every((m: OutboxMessage) => m.accountId === null)).toBe(true);
    const bootstrap = await service.request('GET', '/api/v1/outbox', {
      token,
      query: { pageSize: '500' },
    });
    expect(bootstrap.body.items.map((m: OutboxMessage) => m.to)).toContain(full.email);
  });

  it('removes the password of a message once it is sent', async () => {
    await addNumbers(service, token, org, numbersFrom(400, 1));
    const account = await createAccount(service, token, {
      organizationId: org,
      contact: '+1 202 555 0177',
      number: numbersFrom(400, 1)[0],
      invite: true,
    });
    await vi.waitFor(
      async () => {
        const row = await service.db
          .selectFrom('outbox_messages')
          .select(['status', 'body'])
          .where('account_id', '=', account.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('sent');
        expect(row.body).toMatch(/Password: \[removed\]/);
      },
      { timeout: 20_000, interval: 100 },
    );
    // The device got the password; the stored copy did not keep it.
    expect(sms.received.some((m) => /Password: [0-9A-Z]{12}/.test(JSON.stringify(m.payload)))).toBe(
      true,
    );
  });

  it('removes the password of a message superseded by a resend, keeping the rest of the text', async () => {
    const account = await emailAccount('resent@example.com');
    const first = await latestInvitationPassword(service, account.id);
    const resend = await service.request('POST', '/api/v1/accounts/resend-invitation', {
      token,
      body: { accountIds: [account.id] },
    });
    expect(resend.status).toBe(200);
    const [old, fresh] = await storedBodies({ accountId: account.id });
    expect(old).not.toContain(first);
    expect(old).toContain('[removed]');
    expect(old!.replace('[removed]', first)).toMatch(passwordLine);
    expect(fresh).toMatch(passwordLine);
  });

  it('removes the password once the invitation has expired', async () => {
    const account = await emailAccount('expired@example.com');
    service.clock.advance(31 * 86_400_000);
    try {
      const listed = await service.request('GET', '/api/v1/outbox', {
        token: await service.login(),
        query: { accountId: account.id },
      });
      expect(listed.body.items[0].body).toContain('[removed]');
    } finally {
      service.clock.reset();
    }
    expect((await storedBodies({ accountId: account.id }))[0]).toContain('[removed]');
  });

  it('removes the password once the account is activated', async () => {
    const account = await emailAccount('activated@example.com');
    const password = await latestInvitationPassword(service, account.id);
    const activation = await service.request('POST', '/api/v1/activation', {
      body: {
        username: account.username,
        password,
        personalPhone: '+44 20 7946 0958',
        deviceId: 'device-redaction',
      },
    });
    expect(activation.status, activation.text).toBe(200);
    const [body] = await storedBodies({ accountId: account.id });
    expect(body).not.toContain(password);
    expect(body).toContain('[removed]');
  });

  it('removes an administrator’s temporary password once they set their own', async () => {
    const invited = await inviteAdministrator(service, token, { privileges: ['reports'] });
    const session = await service.signIn(invited.email, invited.temporaryPassword);
    // Still needed after the first sign-in: it is the current password until replaced.
    expect((await storedBodies({ administratorId: invited.id }))[0]).toContain(
      invited.temporaryPassword,
    );
    const changed = await service.request('POST', '/api/v1/auth/password', {
      token: session.accessToken,
      body: { currentPassword: invited.temporaryPassword, newPassword: 'a password of my own' },
    });
    expect(changed.status).toBe(200);
    const [body] = await storedBodies({ administratorId: invited.id });
    expect(body).not.toContain(invited.temporaryPassword);
    expect(body).toMatch(/^Temporary password: \[removed\]$/m);
  });
});
