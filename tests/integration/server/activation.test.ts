// Device-side activation on SQLite and PostgreSQL: the HMAC'd one-time password, expiry (410),
// single-use (409 with product.md's sentence), 10 failures per username per hour (429), binding
// the personal phone, number → Registered, and choosing a number when invited without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITATION_USED_MESSAGE } from '../../../common/api/activation';
import type { Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';
import { latestInvitationPassword } from './imports-helpers';

const day = 24 * 60 * 60 * 1000;

describe.each(serviceBackends())('activation on $name', (backend) => {
  let service: TestService;
  let token: string;
  let organizationId: string;
  let numberIndex = 4000;

  const freshNumbers = async (count: number, org = organizationId) => {
    const numbers = numbersFrom(numberIndex, count);
    numberIndex += count;
    await addNumbers(service, token, org, numbers);
    return numbers;
  };
  const activate = (body: Record<string, unknown>) =>
    service.request('POST', '/api/v1/activation', {
      body: { personalPhone: '+44 20 7946 0958', deviceId: 'device-1', ...body },
    });
  const invitedWithNumber = async (contact: string, org = organizationId): Promise<Account> => {
    const [number] = await freshNumbers(1, org);
    return createAccount(service, token, { organizationId: org, contact, number, invite: true });
  };

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
    organizationId = await createOrganization(service, token, 'Activation Org');
  });
  afterAll(() => service.close());

  it('activates with the invitation, binds the phone and registers the number', async () => {
    const account = await invitedWithNumber('dev1@example.com');
    const password = await latestInvitationPassword(service, account.id);
    const res = await activate({
      username: account.username.toUpperCase(),
      password: password.toLowerCase(),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ accountId: account.id, number: account.number });
    const read = await service.request('GET', `/api/v1/accounts/${account.id}`, { token });
    expect(read.body).toMatchObject({
      status: 'activated',
      personalPhone: '+442079460958',
      number: account.number,
    });
    expect(read.body.activatedAt).toEqual(expect.any(String));
    expect((await numberState(service, account.number!))?.state).toBe('registered');
    // Without single-use, a reinstall may use the same invitation again.
    expect((await activate({ username: account.username, password })).status).toBe(200);
  });

  it('refuses a wrong or superseded password with 401 INVALID_INVITATION', async () => {
    const account = await invitedWithNumber('dev2@example.com');
    const old = await latestInvitationPassword(service, account.id);
    const resent = await service.request('POST', '/api/v1/accounts/resend-invitation', {
      token,
      body: { accountIds: [account.id] },
    });
    expect(resent.status, resent.text).toBe(200);
    const wrong = await activate({ username: account.username, password: old });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_INVITATION');
    const unknown = await activate({ username: 'nobody@example.com', password: 'ABCDEFGHJKMN' });
    expect(unknown.status).toBe(401);
    const fresh = await latestInvitationPassword(service, account.id);
    expect((await activate({ username: account.username, password: fresh })).status).toBe(200);
    const badPhone = await activate({
      username: account.username,
      password: fresh,
      personalPhone: '555',
    });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error.details.fields.personalPhone).toEqual(expect.any(String));
  });

  it('answers 429 after 10 failed attempts for one username within the hour', async () => {
    const account = await invitedWithNumber('dev3@example.com');
    const password = await latestInvitationPassword(service, account.id);
    for (let i = 0; i < 10; i++) {
      const res = await activate({ username: account.username, password: 'WRONGWRONG00' });
      expect(res.status).toBe(401);
    }
    const blocked = await activate({ username: account.username, password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    service.clock.advance(61 * 60 * 1000);
    token = await service.login(); // the access token expired with the hour
    expect((await activate({ username: account.username, password })).status).toBe(200);
  });

  it('answers 410 INVITATION_EXPIRED after the organization’s expiry', async () => {
    const org = await createOrganization(service, token, 'Short Expiry Org');
    const patched = await service.request('PATCH', `/api/v1/organizations/${org}/settings`, {
      token,
      body: { invitationExpiryDays: 2 },
    });
    expect(patched.status, patched.text).toBe(200);
    const account = await invitedWithNumber('dev4@example.com', org);
    const password = await latestInvitationPassword(service, account.id);
    service.clock.advance(3 * day);
    token = await service.login();
    const res = await activate({ username: account.username, password });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('INVITATION_EXPIRED');
  });

  it('answers 409 INVITATION_USED with the exact sentence when invitations are single-use', async () => {
    const org = await createOrganization(service, token, 'Single Use Org');
    await service.request('PATCH', `/api/v1/organizations/${org}/settings`, {
      token,
      body: { singleUseInvitations: true },
    });
    const account = await invitedWithNumber('dev5@example.com', org);
    const password = await latestInvitationPassword(service, account.id);
    expect((await activate({ username: account.username, password })).status).toBe(200);
    const again = await activate({ username: account.username, password });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'INVITATION_USED',
      message: INVITATION_USED_MESSAGE,
    });
    expect(INVITATION_USED_MESSAGE).toBe(
      'This invitation has already been used to onboard MultiLine on a mobile device. It cannot be reused. Contact your administrator for further assistance.',
    );
  });

  it('lets an account invited without a number choose an Available one', async () => {
    const org = await createOrganization(service, token, 'Choose Org');
    const pool = await freshNumbers(3, org);
    const account = await createAccount(service, token, {
      organizationId: org,
      contact: '+12025550160',
      invite: true,
    });
    expect(account.number).toBeNull();
    const password = await latestInvitationPassword(service, account.id);
    const first = await activate({ username: account.username, password });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ accountId: account.id, number: null });
    expect([...first.body.chooseFrom].sort()).toEqual([...pool].sort());

    const reserved = await service.request(
      'PATCH',
      `/api/v1/numbers/${encodeURIComponent(pool[2]!)}`,
      {
        token,
        body: { state: 'reserved', tag: 'PORTED' },
      },
    );
    expect(reserved.status, reserved.text).toBe(200);
    const refused = await service.request('POST', '/api/v1/activation/number', {
      body: { activationToken: first.body.activationToken, number: pool[2] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NUMBER_UNAVAILABLE');

    const chosen = await service.request('POST', '/api/v1/activation/number', {
      body: { activationToken: first.body.activationToken, number: pool[1] },
    });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.body).toEqual({ accountId: account.id, number: pool[1] });
    expect(await numberState(service, pool[1]!)).toMatchObject({
      state: 'registered',
      account_id: account.id,
    });
    const read = await service.request('GET', `/api/v1/accounts/${account.id}`, { token });
    expect(read.body).toMatchObject({ status: 'activated', number: pool[1] });

    const reused = await service.request('POST', '/api/v1/activation/number', {
      body: { activationToken: first.body.activationToken, number: pool[0] },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_INVITATION');
  });

  it('gives one Available number to only one of two devices choosing it at once', async () => {
    const org = await createOrganization(service, token, 'Race Org');
    const [only, spare] = await freshNumbers(2, org);
    const tokens: string[] = [];
    for (const contact of ['race1@example.com', 'race2@example.com']) {
      const account = await createAccount(service, token, {
        organizationId: org,
        contact,
        invite: true,
      });
      const password = await latestInvitationPassword(service, account.id);
      const res = await activate({ username: account.username, password });
      tokens.push(res.body.activationToken as string);
    }
    const answers = await Promise.all(
      tokens.map((activationToken) =>
        service.request('POST', '/api/v1/activation/number', {
          body: { activationToken, number: only },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await numberState(service, spare!))?.state).toBe('available');
  });
});
