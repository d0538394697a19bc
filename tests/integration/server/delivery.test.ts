// Invitation delivery end to end on SQLite and PostgreSQL: Save & Invite → the outbox worker →
// a real in-test SMTP server (email with the activation link) or a local HTTP SMS gateway;
// a failing transport is retried with backoff and ends in Invitation Failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  startSmsPeer,
  startSmtpPeer,
  type SmsPeer,
  type SmtpPeer,
} from '../../support/delivery-peers';
import { createAccount, createOrganization } from './accounts-helpers';
import { eventually, outboxOf } from './delivery-helpers';

describe.each(serviceBackends())('invitation delivery on $name', (backend) => {
  let smtp: SmtpPeer;
  let sms: SmsPeer;
  let service: TestService;
  let token: string;
  let organizationId: string;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    sms = await startSmsPeer();
    service = await startTestService(backend, {
      config: {
        smtpUrl: smtp.url,
        smsUrl: sms.url,
        smsToken: 'gateway-token',
        activationUrl: 'https://activate.example.test/start',
        delivery: { maxAttempts: 3, retryBaseMs: 30, pollIntervalMs: 25 },
      },
    });
    token = await service.login();
    organizationId = await createOrganization(service, token, 'Delivery Org');
    const res = await service.request('POST', '/api/v1/numbers', {
      token,
      body: {
        organizationId,
        numbers: ['+12025550181', '+12025550182', '+12025550183', '+12025550184'],
      },
    });
    expect(res.status, res.text).toBe(201);
  });
  afterAll(async () => {
    await service.close();
    await smtp.close();
    await sms.close();
  });

  it('emails the invitation with its activation link through SMTP', async () => {
    const account = await createAccount(service, token, {
      organizationId,
      contact: 'Mail.Me@Example.com',
      firstName: 'Mia',
      invite: true,
    });
    const mail = await eventually('the email', () =>
      smtp.received.find((m) => m.to.includes('mail.me@example.com')),
    );
    // The stored copy says [removed] once sent (security rule): the password comes from the mail.
    const password = /Password: ([0-9A-Z]{12,})/.exec(mail.text)?.[1] ?? 'missing';
    expect(password).toMatch(/^[0-9A-Z]{12,}$/);
    expect(mail.text).toContain('Hello Mia');
    expect(mail.text).toContain(
      `https://activate.example.test/start?username=${encodeURIComponent(account.username)}`,
    );
    expect(mail.text).toContain(password);
    const [message] = await eventually('status sent', async () => {
      const rows = await outboxOf(service, account.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(message).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(message?.sent_at).toEqual(expect.any(String));
    const listed = await service.request('GET', '/api/v1/outbox', {
      token,
      query: { accountId: account.id },
    });
    expect(listed.body.items[0]).toMatchObject({
      status: 'sent',
      channel: 'email',
      to: 'mail.me@example.com',
    });
    const read = await service.request('GET', `/api/v1/accounts/${account.id}`, { token });
    expect(read.body.status).toBe('invited');
  });

  it('texts the invitation to the SMS gateway with the bearer token', async () => {
    const account = await createAccount(service, token, {
      organizationId,
      contact: '+1 (202) 555-0199',
      invite: true,
    });
    const received = await eventually('the SMS', () =>
      sms.received.find((m) => (m.payload as { to?: string }).to === '+12025550199'),
    );
    expect(received.authorization).toBe('Bearer gateway-token');
    expect(received.contentType).toBe('application/json');
    const body = (received.payload as { body: string }).body;
    expect(body).toMatch(/Password: [0-9A-Z]{12,}/);
    expect(body).toContain('https://activate.example.test/start?username=');
    await eventually(
      'status sent',
      async () => (await outboxOf(service, account.id))[0]?.status === 'sent',
    );
  });

  it('retries a failing transport, then marks the message failed and the account Invitation Failed', async () => {
    smtp.refuseWith = 451;
    const refusalsBefore = smtp.refusals;
    try {
      const account = await createAccount(service, token, {
        organizationId,
        contact: 'bounce@example.com',
        invite: true,
      });
      const [message] = await eventually('status failed', async () => {
        const rows = await outboxOf(service, account.id);
        return rows[0]?.status === 'failed' ? rows : undefined;
      });
      expect(message?.attempts).toBe(3);
      expect(message?.last_error).toMatch(/^The mail server did not accept the email/);
      expect(smtp.refusals - refusalsBefore).toBe(3);
      const read = await service.request('GET', `/api/v1/accounts/${account.id}`, { token });
      expect(read.body.status).toBe('invitation_failed');
      const audit = await service.request('GET', '/api/v1/audit-events', {
        token,
        query: { targetId: account.id, action: 'account.invitation_failed' },
      });
      expect(audit.status, audit.text).toBe(200);
      expect(audit.body.items).toHaveLength(1);

      // Resend once the mail server is back: a new message, delivered, and the account is Invited.
      smtp.refuseWith = null;
      const resent = await service.request('POST', '/api/v1/accounts/resend-invitation', {
        token,
        body: { accountIds: [account.id] },
      });
      expect(resent.body.results[0].ok).toBe(true);
      await eventually('the resent message sent', async () => {
        const rows = await outboxOf(service, account.id);
        return rows.length === 2 && rows[1]?.status === 'sent';
      });
      expect(
        (await service.request('GET', `/api/v1/accounts/${account.id}`, { token })).body.status,
      ).toBe('invited');
    } finally {
      smtp.refuseWith = null;
    }
  });

  it('does not retry a permanent refusal', async () => {
    sms.refuseWith = 400;
    const refusalsBefore = sms.refusals;
    try {
      const account = await createAccount(service, token, {
        organizationId,
        contact: '+12025550198',
        invite: true,
      });
      const [message] = await eventually('status failed', async () => {
        const rows = await outboxOf(service, account.id);
        return rows[0]?.status === 'failed' ? rows : undefined;
      });
      expect(message?.attempts).toBe(1);
      expect(sms.refusals - refusalsBefore).toBe(1);
      expect(
        (await service.request('GET', `/api/v1/accounts/${account.id}`, { token })).body.status,
      ).toBe('invitation_failed');
    } finally {
      sms.refuseWith = null;
    }
  });
});
