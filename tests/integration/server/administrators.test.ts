// Administrators: invitation with `Temporary password:` through the outbox, privileges, subtree,
// change, delete, resend; and the audit trail (oldest first). On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inviteAdministrator,
  temporaryPasswordFor,
  tokenWithPrivileges,
} from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('administrators and audit on $name', (backend) => {
  let service: TestService;
  let token: string;
  let branchId: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
    const branch = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'Branch', parentId: service.rootOrganizationId },
    });
    branchId = branch.body.id;
  });
  afterAll(() => service.close());

  it('creates an administrator and keeps the invitation email in the outbox (no SMTP)', async () => {
    const response = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: branchId,
        email: '  Dana@Example.TEST ',
        name: 'Dana Scully',
        privileges: ['accounts', 'numbers', 'accounts'],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      organizationId: branchId,
      email: 'dana@example.test',
      name: 'Dana Scully',
      privileges: ['accounts', 'numbers'],
      status: 'invited',
    });
    const message = await service.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('administrator_id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      channel: 'email',
      to_address: 'dana@example.test',
      status: 'kept',
    });
    expect(message.body).toMatch(/^Temporary password: [0-9A-Z]{16}$/m);

    const duplicate = await service.request('POST', '/api/v1/administrators', {
      token,
      body: { organizationId: branchId, email: 'dana@example.test', name: 'Again', privileges: [] },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('ADMINISTRATOR_EXISTS');
  });

  it('validates the new administrator', async () => {
    const response = await service.request('POST', '/api/v1/administrators', {
      token,
      body: { organizationId: branchId, email: 'not-an-email', name: '', privileges: ['root'] },
    });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error.details.fields).sort()).toEqual([
      'email',
      'name',
      'privileges.0',
    ]);
  });

  it('with SMTP configured the invitation is queued for delivery', async () => {
    const withSmtp = await startTestService(backend, {
      config: { smtpUrl: 'smtp://127.0.0.1:1' },
      listen: false,
    });
    try {
      const adminToken = await withSmtp.login();
      const invited = await inviteAdministrator(withSmtp, adminToken, { privileges: [] });
      const message = await withSmtp.db
        .selectFrom('outbox_messages')
        .select('status')
        .where('administrator_id', '=', invited.id)
        .executeTakeFirstOrThrow();
      expect(message.status).toBe('queued');
    } finally {
      await withSmtp.close();
    }
  });

  it('nobody grants privileges they do not hold', async () => {
    const limited = await tokenWithPrivileges(service, ['administrators', 'accounts']);
    const response = await service.request('POST', '/api/v1/administrators', {
      token: limited,
      body: {
        organizationId: branchId,
        email: 'escalate@example.test',
        name: 'Escalate',
        privileges: ['setup'],
      },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    const allowed = await service.request('POST', '/api/v1/administrators', {
      token: limited,
      body: {
        organizationId: branchId,
        email: 'fine@example.test',
        name: 'Fine',
        privileges: ['accounts'],
      },
    });
    expect(allowed.status).toBe(201);
  });

  it('lists, changes and deletes administrators within the subtree', async () => {
    const branchAdmin = await inviteAdministrator(service, token, {
      organizationId: branchId,
      // Acting on Dana needs every privilege Dana holds (security rule).
      privileges: ['administrators', 'accounts', 'numbers'],
      name: 'Branch Boss',
    });
    const branchToken = await service.login(branchAdmin.email, branchAdmin.temporaryPassword);
    const list = await service.request('GET', '/api/v1/administrators', { token: branchToken });
    expect(list.status).toBe(200);
    const organizations = new Set(
      list.body.items.map((item: { organizationId: string }) => item.organizationId),
    );
    expect([...organizations]).toEqual([branchId]);
    const search = await service.request('GET', '/api/v1/administrators', {
      token,
      query: { q: 'SCULLY' },
    });
    expect(search.body.items.map((item: { email: string }) => item.email)).toEqual([
      'dana@example.test',
    ]);

    // The bootstrap administrator is above the branch: 404 for the branch administrator.
    const above = await service.request('PATCH', `/api/v1/administrators/${service.admin.id}`, {
      token: branchToken,
      body: { name: 'Hacked' },
    });
    expect(above.status).toBe(404);
    const self = await service.request('PATCH', `/api/v1/administrators/${branchAdmin.id}`, {
      token: branchToken,
      body: { privileges: ['administrators', 'setup'] },
    });
    expect(self.status).toBe(409);

    const dana = search.body.items[0];
    const renamed = await service.request('PATCH', `/api/v1/administrators/${dana.id}`, {
      token: branchToken,
      body: { name: 'Dana K. Scully', privileges: ['accounts'] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Dana K. Scully', privileges: ['accounts'] });

    const deleted = await service.request('DELETE', `/api/v1/administrators/${dana.id}`, {
      token: branchToken,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(dana.id);
    const again = await service.request('DELETE', `/api/v1/administrators/${dana.id}`, {
      token: branchToken,
    });
    expect(again.status).toBe(404);
    const selfDelete = await service.request('DELETE', `/api/v1/administrators/${branchAdmin.id}`, {
      token: branchToken,
    });
    expect(selfDelete.status).toBe(409);
  });

  it('resend issues a new temporary password and the old one stops working', async () => {
    const invited = await inviteAdministrator(service, token, { privileges: ['reports'] });
    const resent = await service.request('POST', '/api/v1/administrators/resend-invitation', {
      token,
      body: { administratorIds: [invited.id, 'unknown-id'] },
    });
    expect(resent.status).toBe(200);
    expect(resent.body.results).toEqual([
      { administratorId: invited.id, ok: true },
      {
        administratorId: 'unknown-id',
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.any(String) },
      },
    ]);
    const fresh = await temporaryPasswordFor(service, invited.email);
    expect(fresh).not.toBe(invited.temporaryPassword);
    const old = await service.request('POST', '/api/v1/auth/login', {
      body: { email: invited.email, password: invited.temporaryPassword },
      remoteAddress: '10.9.0.1',
    });
    expect(old.status).toBe(401);
    const session = await service.signIn(invited.email, fresh);
    expect(session.passwordChangeRequired).toBe(true);

    // Retried with its Idempotency-Key, a resend sends nothing twice.
    const countMessages = async () =>
      (
        await service.db
          .selectFrom('outbox_messages')
          .select('id')
          .where('administrator_id', '=', invited.id)
          .execute()
      ).length;
    const before = await countMessages();
    const key = crypto.randomUUID();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const retried = await service.request('POST', '/api/v1/administrators/resend-invitation', {
        token,
        body: { administratorIds: [invited.id] },
        headers: { 'idempotency-key': key },
      });
      expect(retried.status).toBe(200);
      expect(retried.body.results).toEqual([{ administratorId: invited.id, ok: true }]);
    }
    expect(await countMessages()).toBe(before + 1);
  });

  it('records who did what, oldest first, within the caller’s subtree', async () => {
    const events = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { pageSize: '500' },
    });
    expect(events.status).toBe(200);
    const actions = events.body.items.map((event: { action: string }) => event.action);
    expect(actions[0]).toBe('administrator.bootstrapped');
    expect(actions).toContain('organization.created');
    expect(actions).toContain('administrator.invited');
    expect(actions).toContain('administrator.deleted');
    const times = events.body.items.map((event: { createdAt: string }) => event.createdAt);
    expect([...times].sort()).toEqual(times);
    const invited = events.body.items.find(
      (event: { action: string; details: { email?: string } }) =>
        event.action === 'administrator.invited' && event.details.email === 'dana@example.test',
    );
    expect(invited).toMatchObject({
      actorId: service.admin.id,
      actorEmail: service.admin.email,
      organizationId: branchId,
      targetType: 'administrator',
    });

    const branchReports = await tokenWithPrivileges(service, ['reports'], branchId);
    const scoped = await service.request('GET', '/api/v1/audit-events', {
      token: branchReports,
      query: { pageSize: '500' },
    });
    expect(scoped.body.total).toBeGreaterThan(0);
    for (const event of scoped.body.items) expect(event.organizationId).toBe(branchId);
    const filtered = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { action: 'organization.created' },
    });
    expect(
      filtered.body.items.every(
        (event: { action: string }) => event.action === 'organization.created',
      ),
    ).toBe(true);
  });

  it('filters audit events by actor and time; sign-out is recorded', async () => {
    const session = await service.signIn();
    await service.request('POST', '/api/v1/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    const before = new Date(Date.now() - 60_000).toISOString();
    const recent = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { actorId: service.admin.id, from: before, pageSize: '500' },
    });
    expect(recent.status).toBe(200);
    const actions = recent.body.items.map((event: { action: string }) => event.action);
    expect(actions).toContain('auth.signed_out');
    for (const event of recent.body.items) {
      expect(event.actorId).toBe(service.admin.id);
      expect(event.createdAt >= before).toBe(true);
    }
    const none = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { to: '2000-01-01T00:00:00Z' },
    });
    expect(none.body.total).toBe(0);
    const invalid = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { from: 'yesterday' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.fields).toHaveProperty(['from']);
  });
});
