// GET /api/v1/outbox and invitation messages on SQLite and PostgreSQL: rendered from the
// organization's template, 'kept' without a transport, 'queued' (then sent) with one, oldest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../common/api/outbox';
import { startSmsPeer, type SmsPeer } from '../../support/delivery-peers';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';

describe.each(serviceBackends())('outbox on $name', (backend) => {
  let service: TestService;
  let sms: SmsPeer;
  let token: string;
  let org: string;

  const outbox = async (query: Record<string, string> = {}) => {
    const res = await service.request('GET', '/api/v1/outbox', { token, query });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: OutboxMessage[]; total: number };
  };

  beforeAll(async () => {
    sms = await startSmsPeer();
    service = await startTestService(backend, {
      listen: false,
      config: { smsUrl: sms.url, activationUrl: 'https://activate.example.test/go' },
    });
    token = await service.login();
    org = await createOrganization(service, token, 'Outbox Org');
    await addNumbers(service, token, org, numbersFrom(0, 10));
    const template = await service.request(
      'PUT',
      `/api/v1/organizations/${org}/invitation-template`,
      {
        token,
        body: {
          emailSubject: 'Welcome {{firstName}}',
          emailBody:
            'Hi {{firstName}}! User {{username}} / Password: {{password}} / {{activationLink}}',
          smsBody: 'Hi {{firstName}}, user {{username}} Password: {{password}} {{activationLink}}',
        },
      },
    );
    expect(template.status, template.text).toBe(200);
  });
  afterAll(async () => {
    await service?.close();
    await sms?.close();
  });

  it('keeps an email invitation (no SMTP configured) rendered from the organization template', async () => {
    const account = await createAccount(service, token, {
      organizationId: org,
      firstName: 'Mia',
      contact: 'Mia@Example.com',
      invite: true,
    });
    const { items } = await outbox({ accountId: account.id });
    expect(items).toHaveLength(1);
    const [message] = items;
    expect(message).toMatchObject({
      channel: 'email',
      to: 'mia@example.com',
      subject: 'Welcome Mia',
      accountId: account.id,
      status: 'kept',
    });
    expect(message!.body).toMatch(
      /^Hi Mia! User mia@example\.com \/ Password: [0-9A-HJKMNP-TV-Z]{12} \/ https:\/\/activate\.example\.test\/go\?username=mia%40example\.com$/,
    );
  });

  it('queues an SMS invitation when a gateway is configured (the worker then sends it)', async () => {
    const account = await createAccount(service, token, {
      organizationId: org,
      firstName: 'Sam',
      contact: '+1 202 555 0188',
      invite: true,
    });
    const [message] = (await outbox({ accountId: account.id })).items;
    expect(message).toMatchObject({ channel: 'sms', to: '+12025550188', subject: null });
    expect(['queued', 'sent']).toContain(message!.status);
    // Once sent, the stored password reads [removed] (security rule).
    expect(message!.body).toMatch(
      /^Hi Sam, user \+12025550188 Password: (\S{12}|\[removed\]) https:/,
    );
  });

  it('lists oldest first, one message per invitation or resend, and filters by account', async () => {
    const account = await createAccount(service, token, {
      organizationId: org,
      contact: 'twice@example.com',
      invite: true,
    });
    await service.request('POST', '/api/v1/accounts/resend-invitation', {
      token,
      body: { accountIds: [account.id] },
    });
    const mine = (await outbox({ accountId: account.id })).items;
    expect(mine).toHaveLength(2);
    expect(mine[0]!.body).not.toBe(mine[1]!.body);
    const all = (await outbox({ pageSize: '500' })).items;
    const times = all.map((m) => m.createdAt);
    expect([...times].sort()).toEqual(times);
    expect(all.at(-1)!.id).toBe(mine[1]!.id);
    const none = await outbox({ accountId: 'nobody' });
    expect(none.total).toBe(0);
  });

  it('needs a signed-in administrator; administrator invitations only for the Administrators privilege', async () => {
    expect((await service.request('GET', '/api/v1/outbox')).status).toBe(401);
    const created = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: org,
        email: 'helpdesk@example.com',
        name: 'Help Desk',
        privileges: ['accounts'],
      },
    });
    expect(created.status, created.text).toBe(201);
    const all = (await outbox({ pageSize: '500' })).items;
    const invitation = all.find((m) => m.to === 'helpdesk@example.com');
    expect(invitation?.accountId).toBeNull();
    const password = /Temporary password: (\S+)/.exec(invitation!.body)?.[1];
    const helpdesk = await service.login('helpdesk@example.com', password);
    const seen = await service.request('GET', '/api/v1/outbox', {
      token: helpdesk,
      query: { pageSize: '500' },
    });
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBeGreaterThan(0);
    expect(seen.body.items.some((m: OutboxMessage) => m.accountId === null)).toBe(false);
  });
});
