// Security rule "administrators over administrators" on SQLite and PostgreSQL: the escalation via
// resend + outbox, the privilege subset rule, the temporary password's life, and reset-password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Privilege } from '../../../common/api/administrators';
import { privileges } from '../../../common/api/administrators';
import { hashAdministratorPassword } from '../../../server/domain/auth/passwords';
import { newId } from '../../../server/db/values';
import {
  inviteAdministrator,
  temporaryPasswordFor,
  type InvitedAdministrator,
} from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('administrators over administrators on $name', (backend) => {
  let service: TestService;
  let token: string;
  let address = 0;

  const signInAnswer = (email: string, password: string) => {
    address += 1;
    return service.request('POST', '/api/v1/auth/login', {
      body: { email, password },
      remoteAddress: `10.77.${Math.floor(address / 200)}.${address % 200}`,
    });
  };

  /** An administrator who has signed in with the temporary password and chosen their own. */
  async function activeAdministrator(
    held: Privilege[],
  ): Promise<InvitedAdministrator & { password: string; token: string }> {
    const invited = await inviteAdministrator(service, token, { privileges: held });
    const first = await service.signIn(invited.email, invited.temporaryPassword);
    const password = `own password of ${invited.email}`;
    const changed = await service.request('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      body: { currentPassword: invited.temporaryPassword, newPassword: password },
    });
    expect(changed.status, changed.text).toBe(200);
    return { ...invited, password, token: first.accessToken };
  }

  const messagesTo = async (administratorId: string) =>
    (
      await service.db
        .selectFrom('outbox_messages')
        .select('id')
        .where('administrator_id', '=', administratorId)
        .execute()
    ).length;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service.close());

  it('an Administrators-only admin cannot take over a colleague with every privilege', async () => {
    const colleague = await activeAdministrator([...privileges]);
    const attacker = await activeAdministrator(['administrators']);
    const before = await messagesTo(colleague.id);

    const resend = await service.request('POST', '/api/v1/administrators/resend-invitation', {
      token: attacker.token,
      body: { administratorIds: [colleague.id] },
    });
    expect(resend.status).toBe(200);
    expect(resend.body.results).toEqual([
      {
        administratorId: colleague.id,
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      },
    ]);
    expect(await messagesTo(colleague.id)).toBe(before);

    const outbox = await service.request('GET', '/api/v1/outbox', {
      token: attacker.token,
      query: { pageSize: '500' },
    });
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.filter((m: { to: string }) => m.to === colleague.email)).toHaveLength(
      0,
    );

    const strip = await service.request('PATCH', `/api/v1/administrators/${colleague.id}`, {
      token: attacker.token,
      body: { privileges: [] },
    });
    expect(strip.status).toBe(403);
    expect(strip.body.error.code).toBe('FORBIDDEN');
    const rename = await service.request('PATCH', `/api/v1/administrators/${colleague.id}`, {
      token: attacker.token,
      body: { name: 'Renamed' },
    });
    expect(rename.status).toBe(403);
    const remove = await service.request('DELETE', `/api/v1/administrators/${colleague.id}`, {
      token: attacker.token,
    });
    expect(remove.status).toBe(403);
    const reset = await service.request(
      'POST',
      `/api/v1/administrators/${colleague.id}/reset-password`,
      { token: attacker.token },
    );
    expect(reset.status).toBe(403);
    // The colleague is untouched.
    expect((await signInAnswer(colleague.email, colleague.password)).status).toBe(200);
    const me = await service.request('GET', '/api/v1/me', { token: colleague.token });
    expect(me.body.privileges).toEqual([...privileges]);
  });

  it('acts on a colleague whose privileges are a subset of the actor’s', async () => {
    const actor = await activeAdministrator(['administrators', 'accounts', 'numbers']);
    const colleague = await inviteAdministrator(service, token, {
      privileges: ['accounts', 'numbers'],
    });
    const narrowed = await service.request('PATCH', `/api/v1/administrators/${colleague.id}`, {
      token: actor.token,
      body: { privileges: ['accounts'] },
    });
    expect(narrowed.status, narrowed.text).toBe(200);
    const widened = await service.request('PATCH', `/api/v1/administrators/${colleague.id}`, {
      token: actor.token,
      body: { privileges: ['accounts', 'reports'] },
    });
    expect(widened.status).toBe(403);
    const resend = await service.request('POST', '/api/v1/administrators/resend-invitation', {
      token: actor.token,
      body: { administratorIds: [colleague.id] },
    });
    expect(resend.body.results).toEqual([{ administratorId: colleague.id, ok: true }]);
    const removed = await service.request('DELETE', `/api/v1/administrators/${colleague.id}`, {
      token: actor.token,
    });
    expect(removed.status).toBe(200);
  });

  it('nobody changes their own privileges, even to fewer', async () => {
    const self = await activeAdministrator(['administrators', 'accounts']);
    const fewer = await service.request('PATCH', `/api/v1/administrators/${self.id}`, {
      token: self.token,
      body: { privileges: ['administrators'] },
    });
    expect(fewer.status).toBe(409);
    expect(fewer.body.error.code).toBe('CANNOT_CHANGE_OWN_ADMINISTRATOR');
  });

  it('a temporary password stops working once the administrator has set their own', async () => {
    const colleague = await activeAdministrator(['reports']);
    // An invitation left open (e.g. from before this rule) must not open the account.
    const leftOver = 'LEFTOVER-TEMPORARY-PASSWORD';
    const now = new Date();
    await service.db
      .insertInto('invitations')
      .values({
        id: newId(),
        account_id: null,
        administrator_id: colleague.id,
        password_hash: await hashAdministratorPassword(leftOver),
        expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
        used_at: null,
        superseded_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    const refused = await signInAnswer(colleague.email, leftOver);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await signInAnswer(colleague.email, colleague.password)).status).toBe(200);
  });

  it('a temporary password never works after the invitation expires', async () => {
    const invited = await inviteAdministrator(service, token, { privileges: ['reports'] });
    service.clock.advance(31 * 86_400_000);
    try {
      const late = await signInAnswer(invited.email, invited.temporaryPassword);
      expect(late.status).toBe(401);
    } finally {
      service.clock.reset();
    }
    expect((await signInAnswer(invited.email, invited.temporaryPassword)).status).toBe(200);
  });

  it('resending to an administrator who set a password is refused per item with NOT_INVITED', async () => {
    const colleague = await activeAdministrator(['reports']);
    const pending = await inviteAdministrator(service, token, { privileges: ['reports'] });
    const before = await messagesTo(colleague.id);
    const resend = await service.request('POST', '/api/v1/administrators/resend-invitation', {
      token,
      body: { administratorIds: [colleague.id, pending.id] },
    });
    expect(resend.status).toBe(200);
    expect(resend.body.results).toEqual([
      {
        administratorId: colleague.id,
        ok: false,
        error: { code: 'NOT_INVITED', message: expect.any(String) },
      },
      { administratorId: pending.id, ok: true },
    ]);
    expect(await messagesTo(colleague.id)).toBe(before);
  });

  it('reset-password sends a new temporary password and ends the old password and every session', async () => {
    const colleague = await activeAdministrator(['reports']);
    const session = await service.signIn(colleague.email, colleague.password);
    const reset = await service.request(
      'POST',
      `/api/v1/administrators/${colleague.id}/reset-password`,
      { token },
    );
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toMatchObject({ id: colleague.id, status: 'invited' });

    expect((await signInAnswer(colleague.email, colleague.password)).status).toBe(401);
    expect((await service.request('GET', '/api/v1/me', { token: colleague.token })).status).toBe(
      401,
    );
    const refresh = await service.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);

    const temporary = await temporaryPasswordFor(service, colleague.email);
    const fresh = await signInAnswer(colleague.email, temporary);
    expect(fresh.status).toBe(200);
    expect(fresh.body.passwordChangeRequired).toBe(true);

    const unknown = await service.request('POST', '/api/v1/administrators/nobody/reset-password', {
      token,
    });
    expect(unknown.status).toBe(404);
    const own = await service.request(
      'POST',
      `/api/v1/administrators/${service.admin.id}/reset-password`,
      { token },
    );
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('CANNOT_CHANGE_OWN_ADMINISTRATOR');
  });
});
