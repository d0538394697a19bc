// Invite (capacity rule, all or nothing), Resend Invite (new password, old one revoked; Activated
// stays Activated; Not Invited is invited), Suspend and Unsuspend, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyInvitationPassword } from '../../../server/domain/invitations/password';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  capacityOf,
  createAccount,
  createOrganization,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('account invitations on $name', (backend) => {
  let service: TestService;
  let token: string;

  const post = (path: string, body: unknown) =>
    service.request('POST', `/api/v1/accounts/${path}`, { token, body });
  const status = async (id: string) =>
    (await service.request('GET', `/api/v1/accounts/${id}`, { token })).body.status as string;
  const passwordOf = async (accountId: string) => {
    const message = await service.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('account_id', '=', accountId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return /Password: (\S+)/.exec(message.body)?.[1] ?? '';
  };
  const liveInvitations = (accountId: string) =>
    service.db
      .selectFrom('invitations')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('superseded_at', 'is', null)
      .execute();

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  it('invites Not Invited accounts within capacity, all or nothing', async () => {
    const org = await createOrganization(service, token, 'Invite Org');
    await addNumbers(service, token, org, numbersFrom(100, 2));
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        createAccount(service, token, {
          organizationId: org,
          contact: `${name}.invite@example.com`,
        }),
      ),
    );
    const tooMany = await post('invite', { accountIds: [a!.id, b!.id, c!.id] });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
    expect(await status(a!.id)).toBe('not_invited');

    const ok = await post('invite', { accountIds: [a!.id, b!.id, 'missing'] });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.results).toEqual([
      { accountId: a!.id, ok: true },
      { accountId: b!.id, ok: true },
      {
        accountId: 'missing',
        ok: false,
        error: { code: 'NOT_FOUND', message: 'That account was not found.' },
      },
    ]);
    expect(await status(a!.id)).toBe('invited');
    expect(await capacityOf(service, token, org)).toBe(0);
    // An account with its own number needs no capacity.
    await addNumbers(service, token, org, numbersFrom(110, 1));
    await service.request('PATCH', `/api/v1/numbers/${numbersFrom(110, 1)[0]}`, {
      token,
      body: { state: 'reserved', tag: 'PORTED' },
    });
    await service.request('PATCH', `/api/v1/accounts/${c!.id}`, {
      token,
      body: { number: numbersFrom(110, 1)[0] },
    });
    const withNumber = await post('invite', { accountIds: [c!.id] });
    expect(withNumber.body.results[0].ok).toBe(true);
    const again = await post('invite', { accountIds: [a!.id] });
    expect(again.body.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const one = await liveInvitations(a!.id);
    expect(one).toHaveLength(1);
    expect(
      verifyInvitationPassword(
        await passwordOf(a!.id),
        one[0]!.password_hash,
        service.deps.secrets.invitationKey,
      ),
    ).toBe(true);
  });

  it('resends with a new password and revokes the old one; Activated stays Activated', async () => {
    const org = await createOrganization(service, token, 'Resend Org');
    await addNumbers(service, token, org, numbersFrom(200, 1));
    const invited = await createAccount(service, token, {
      organizationId: org,
      contact: 'resend@example.com',
      invite: true,
    });
    const firstPassword = await passwordOf(invited.id);
    const [firstInvitation] = await liveInvitations(invited.id);
    const res = await post('resend-invitation', { accountIds: [invited.id] });
    expect(res.body.results).toEqual([{ accountId: invited.id, ok: true }]);
    const secondPassword = await passwordOf(invited.id);
    expect(secondPassword).not.toBe(firstPassword);
    const live = await liveInvitations(invited.id);
    expect(live).toHaveLength(1);
    expect(live[0]!.id).not.toBe(firstInvitation!.id);
    expect(
      verifyInvitationPassword(
        firstPassword,
        live[0]!.password_hash,
        service.deps.secrets.invitationKey,
      ),
    ).toBe(false);
    expect(
      verifyInvitationPassword(
        secondPassword,
        live[0]!.password_hash,
        service.deps.secrets.invitationKey,
      ),
    ).toBe(true);

    // Invitation Failed → Invited; Activated → stays Activated; works without number stock.
    await service.db
      .updateTable('accounts')
      .set({ status: 'invitation_failed' })
      .where('id', '=', invited.id)
      .execute();
    const activated = await createAccount(service, token, {
      organizationId: org,
      contact: 'activated@example.com',
    });
    await service.db
      .updateTable('accounts')
      .set({
        status: 'activated',
        activated_at: new Date().toISOString(),
        invited_at: new Date().toISOString(),
      })
      .where('id', '=', activated.id)
      .execute();
    expect(await capacityOf(service, token, org)).toBe(0);
    const both = await post('resend-invitation', { accountIds: [invited.id, activated.id] });
    expect(both.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(await status(invited.id)).toBe('invited');
    expect(await status(activated.id)).toBe('activated');
    expect(await liveInvitations(activated.id)).toHaveLength(1);
  });

  it('resend to Not Invited acts as Invite with the capacity rule; Suspended is refused', async () => {
    const org = await createOrganization(service, token, 'Resend Capacity');
    await addNumbers(service, token, org, numbersFrom(300, 1));
    const x = await createAccount(service, token, {
      organizationId: org,
      contact: 'x@example.com',
    });
    const y = await createAccount(service, token, {
      organizationId: org,
      contact: 'y@example.com',
    });
    const res = await post('resend-invitation', { accountIds: [x.id, y.id] });
    expect(res.body.results[0]).toEqual({ accountId: x.id, ok: true });
    expect(res.body.results[1]).toMatchObject({
      accountId: y.id,
      ok: false,
      error: { code: 'NOT_ENOUGH_NUMBERS' },
    });
    expect(await status(x.id)).toBe('invited');
    expect(await status(y.id)).toBe('not_invited');
    await post('suspend', { accountIds: [y.id] });
    const suspended = await post('resend-invitation', { accountIds: [y.id] });
    expect(suspended.body.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('suspends from any status and unsuspends back to where the account was', async () => {
    const org = await createOrganization(service, token, 'Suspend Org');
    await addNumbers(service, token, org, numbersFrom(400, 2));
    const notInvited = await createAccount(service, token, {
      organizationId: org,
      contact: 'ni@example.com',
    });
    const invited = await createAccount(service, token, {
      organizationId: org,
      contact: 'inv@example.com',
      invite: true,
    });
    const ids = [notInvited.id, invited.id];
    const suspend = await post('suspend', { accountIds: ids });
    expect(suspend.body.results).toEqual(ids.map((accountId) => ({ accountId, ok: true })));
    expect(await status(invited.id)).toBe('suspended');
    // A suspended invitee keeps its invitation, so it still holds its share of the capacity.
    expect(await capacityOf(service, token, org)).toBe(1);
    await post('unsuspend', { accountIds: ids });
    expect(await status(notInvited.id)).toBe('not_invited');
    expect(await status(invited.id)).toBe('invited');
    const events = await service.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', invited.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'account.created_and_invited',
      'account.suspended',
      'account.unsuspended',
    ]);
  });

  it('sets the invitation expiry from the organization settings', async () => {
    const org = await createOrganization(service, token, 'Expiry Org');
    const settings = await service.request('PATCH', `/api/v1/organizations/${org}/settings`, {
      token,
      body: { invitationExpiryDays: 7 },
    });
    expect(settings.status, settings.text).toBe(200);
    await addNumbers(service, token, org, numbersFrom(800, 1));
    const account = await createAccount(service, token, {
      organizationId: org,
      contact: 'expiry@example.com',
      invite: true,
    });
    const [invitation] = await liveInvitations(account.id);
    const days =
      (Date.parse(invitation!.expires_at) - Date.parse(invitation!.created_at)) / 86_400_000;
    expect(days).toBe(7);
  });
});
