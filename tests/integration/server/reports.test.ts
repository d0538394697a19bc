// Reports on SQLite and PostgreSQL with a fixed clock and a seeded database of known counts
// (reports-seed.ts): every part of the summary, local days of a time zone, the follow-up queue's
// boundaries, the activity report's filters and CSV, and the subtree rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenWithPrivileges } from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount, createOrganization } from './accounts-helpers';
import { reportNow, seedReports, type SeededReports } from './reports-seed';

const range = { from: '2026-03-10', to: '2026-03-12' };

describe.each(serviceBackends())('reports on $name', (backend) => {
  let service: TestService;
  let token: string;
  let seeded: SeededReports;
  let eastToken: string;

  beforeAll(async () => {
    service = await startTestService(backend, { now: () => new Date(reportNow) });
    token = await service.login();
    const eastId = await createOrganization(service, token, 'East');
    seeded = await seedReports(service, eastId);
    eastToken = await tokenWithPrivileges(service, ['reports'], eastId);
  });
  afterAll(() => service.close());

  const summary = (query: Record<string, string>, as = token) =>
    service.request('GET', '/api/v1/reports/summary', { token: as, query });
  const followUp = (query: Record<string, string> = {}, as = token) =>
    service.request('GET', '/api/v1/reports/follow-up', { token: as, query });

  it('summarises the whole subtree exactly', async () => {
    const res = await summary(range);
    expect(res.status, res.text).toBe(200);
    expect(res.body.accountsByStatus).toEqual({
      not_invited: 1,
      invited: 3,
      invitation_failed: 1,
      activated: 4,
      suspended: 1,
    });
    expect(res.body.funnel).toEqual({
      invited: 5,
      activated: 3,
      activatedWithinDays: { '1': 1, '3': 2, '7': 2, '30': 3 },
      medianHoursToActivate: 48,
    });
    expect(res.body.daily).toEqual([
      { date: '2026-03-10', created: 2, invited: 2, activated: 1, sent: 1, failed: 0, kept: 1 },
      { date: '2026-03-11', created: 2, invited: 2, activated: 1, sent: 2, failed: 1, kept: 0 },
      { date: '2026-03-12', created: 2, invited: 1, activated: 1, sent: 0, failed: 1, kept: 1 },
    ]);
    expect(res.body.numbers).toEqual([
      {
        organizationId: service.rootOrganizationId,
        organizationName: expect.any(String),
        available: 5,
        reserved: 1,
        assigned: 2,
        registered: 1,
        capacity: 2,
      },
      {
        organizationId: seeded.eastId,
        organizationName: 'East',
        available: 1,
        reserved: 0,
        assigned: 0,
        registered: 0,
        capacity: 0,
      },
    ]);
    expect(res.body.deliveryFailures).toEqual([
      { reason: 'recipient_rejected', count: 1 },
      { reason: 'timeout', count: 1 },
    ]);
    expect(res.body.imports).toEqual([
      { date: '2026-03-11', created: 15, duplicate: 2, invalid: 4 },
      { date: '2026-03-12', created: 4, duplicate: 1, invalid: 0 },
    ]);
  });

  it('counts local days of the given time zone', async () => {
    const res = await summary({ ...range, timeZone: 'America/Chicago' });
    expect(res.status, res.text).toBe(200);
    expect(
      res.body.daily.map((day: Record<string, unknown>) => [
        day.date,
        day.created,
        day.invited,
        day.activated,
      ]),
    ).toEqual([
      ['2026-03-10', 3, 3, 1],
      ['2026-03-11', 1, 1, 1],
      ['2026-03-12', 2, 1, 1],
    ]);
  });

  it('defaults to the 30 days ending today and refuses a reversed range', async () => {
    const res = await summary({});
    expect(res.status).toBe(200);
    expect(res.body.daily).toHaveLength(30);
    expect(res.body.daily[0].date).toBe('2026-02-19');
    expect(res.body.daily[29].date).toBe('2026-03-20');
    expect(res.body.daily[29]).toMatchObject({ activated: 1 });
    const reversed = await summary({ from: '2026-03-12', to: '2026-03-10' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.code).toBe('VALIDATION_FAILED');
    const badZone = await summary({ timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(422);
  });

  it('a sub-organization’s administrator sees only their subtree', async () => {
    const res = await summary(range, eastToken);
    expect(res.status, res.text).toBe(200);
    expect(res.body.accountsByStatus).toEqual({
      not_invited: 1,
      invited: 0,
      invitation_failed: 1,
      activated: 0,
      suspended: 0,
    });
    expect(res.body.funnel).toEqual({
      invited: 1,
      activated: 0,
      activatedWithinDays: { '1': 0, '3': 0, '7': 0, '30': 0 },
      medianHoursToActivate: null,
    });
    expect(res.body.numbers.map((pool: { organizationId: string }) => pool.organizationId)).toEqual(
      [seeded.eastId],
    );
    expect(res.body.deliveryFailures).toEqual([{ reason: 'recipient_rejected', count: 1 }]);
    expect(res.body.imports).toEqual([
      { date: '2026-03-12', created: 4, duplicate: 1, invalid: 0 },
    ]);
    const outside = await summary(
      { ...range, organizationId: service.rootOrganizationId },
      eastToken,
    );
    expect(outside.status).toBe(404);
    const queue = await followUp({}, eastToken);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([seeded.accounts.A5]);
    const byRoot = await summary({ ...range, organizationId: seeded.eastId });
    expect(byRoot.body.accountsByStatus).toEqual(res.body.accountsByStatus);
    const rootOnly = await summary({ ...range, organizationId: service.rootOrganizationId });
    expect(rootOnly.body.accountsByStatus.not_invited).toBe(0);
    const withSubs = await summary({
      ...range,
      organizationId: service.rootOrganizationId,
      includeSubOrganizations: 'true',
    });
    expect(withSubs.body.accountsByStatus.not_invited).toBe(1);
  });

  it('needs the Reports privilege', async () => {
    const accountsOnly = await tokenWithPrivileges(service, ['accounts']);
    for (const url of [
      '/api/v1/reports/summary',
      '/api/v1/reports/follow-up',
      '/api/v1/audit-events.csv',
    ]) {
      const res = await service.request('GET', url, { token: accountsOnly });
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('follow-up queue: invited before now − N days (exactly N days is not yet due), failed always, oldest first', async () => {
    const { A3, A5, A9, A10 } = seeded.accounts;
    const due = await followUp();
    expect(due.status, due.text).toBe(200);
    expect(due.body.olderThanDays).toBe(3);
    expect(due.body.total).toBe(3);
    expect(due.body.items.map((item: { id: string }) => item.id)).toEqual([A3, A5, A10]);
    const resent = due.body.items[2];
    expect(resent).toMatchObject({
      lastInvitedAt: '2026-03-17T11:59:59.999Z',
      followUps: 1,
      lastFollowUp: {
        at: '2026-03-17T11:59:59.999Z',
        administratorId: service.admin.id,
        by: expect.any(String),
      },
      firstName: 'Person',
      lastName: 'A10',
    });
    expect(due.body.items[0]).toMatchObject({ followUps: 0, lastFollowUp: null });

    const all = await followUp({ olderThanDays: '0' });
    expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([A3, A5, A10, A9]);
    const older = await followUp({ olderThanDays: '8' });
    expect(older.body.items.map((item: { id: string }) => item.id)).toEqual([A3, A5]);
    const paged = await followUp({ olderThanDays: '0', pageSize: '2', page: '2' });
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.body.items.map((item: { id: string }) => item.id)).toEqual([A10, A9]);

    const settingsUrl = `/api/v1/organizations/${service.rootOrganizationId}/settings`;
    const changed = await service.request('PATCH', settingsUrl, {
      token,
      body: { followUpDays: 10 },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.followUpDays).toBe(10);
    try {
      const setting = await followUp();
      expect(setting.body.olderThanDays).toBe(10);
      expect(setting.body.items.map((item: { id: string }) => item.id)).toEqual([A5]);
    } finally {
      await service.request('PATCH', settingsUrl, { token, body: { followUpDays: 3 } });
    }
  });

  it('activity report: filters by administrator (actorId alias), action, dates in a time zone', async () => {
    const base = { action: 'account.invitation_resent' };
    const list = (query: Record<string, string>) =>
      service.request('GET', '/api/v1/audit-events', { token, query: { ...base, ...query } });
    const day = await list({ from: '2026-03-17', to: '2026-03-17' });
    expect(day.status, day.text).toBe(200);
    expect(day.body.total).toBe(1);
    expect(day.body.items[0]).toMatchObject({
      targetId: seeded.accounts.A10,
      targetName: 'Person A10',
      targetContact: 'a10@example.test',
      actorId: service.admin.id,
      actorName: expect.any(String),
    });
    expect((await list({ from: '2026-03-18' })).body.total).toBe(0);
    expect((await list({ administratorId: service.admin.id })).body.total).toBe(1);
    expect((await list({ actorId: service.admin.id })).body.total).toBe(1);
    expect((await list({ administratorId: 'someone-else' })).body.total).toBe(0);
    // Auckland is 13 hours ahead: its 17 March ends at 11:00 UTC, before the event.
    expect((await list({ to: '2026-03-17', timeZone: 'Pacific/Auckland' })).body.total).toBe(0);
    expect((await list({ to: '2026-03-18', timeZone: 'Pacific/Auckland' })).body.total).toBe(1);
    expect(
      (await list({ to: '2026-03-17T11:59:59.999Z' })).body.total,
      'an ISO time bound is exclusive',
    ).toBe(0);
    const east = await service.request('GET', '/api/v1/audit-events', {
      token: eastToken,
      query: { pageSize: '500' },
    });
    for (const event of east.body.items) expect(event.organizationId).toBe(seeded.eastId);
  });

  it('keeps the target’s name as it was, also after a deletion; the CSV is formula-safe', async () => {
    const accountsToken = await tokenWithPrivileges(service, ['accounts', 'reports']);
    const account = await createAccount(service, accountsToken, {
      organizationId: service.rootOrganizationId,
      contact: 'formula@example.test',
      firstName: '=HYPERLINK("x")',
      lastName: 'Old',
    });
    const renamed = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token: accountsToken,
      body: { lastName: 'New' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const deleted = await service.request('POST', '/api/v1/accounts/delete', {
      token: accountsToken,
      body: { accountIds: [account.id], numberDisposition: 'release' },
    });
    expect(deleted.status, deleted.text).toBe(200);
    const events = await service.request('GET', '/api/v1/audit-events', {
      token,
      query: { targetId: account.id },
    });
    expect(
      events.body.items.map((event: { action: string; targetName: string }) => [
        event.action,
        event.targetName,
      ]),
    ).toEqual([
      ['account.created', '=HYPERLINK("x") Old'],
      ['account.updated', '=HYPERLINK("x") New'],
      ['account.deleted', '=HYPERLINK("x") New'],
    ]);
    const csv = await service.request('GET', '/api/v1/audit-events.csv', {
      token,
      query: { targetId: account.id },
    });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Time,Administrator,Administrator email,Action,Organization,Target type,Target,Target contact,Target id,Details',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") Old",formula@example.test,${account.id}`);
  });

  it('a chart opens the accounts list narrowed by status and a date range', async () => {
    const query = {
      dateField: 'activatedAt',
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-13T00:00:00.000Z',
      pageSize: '500',
    };
    const list = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { ...query, status: 'activated', sort: 'lastName:asc' },
    });
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((account: { lastName: string }) => account.lastName)).toEqual([
      'A1',
      'A2',
      'A4',
    ]);
    const counts = await service.request('GET', '/api/v1/accounts/counts', { token, query });
    expect(counts.status, counts.text).toBe(200);
    expect(counts.body.total).toBe(3);
  });

  it('is described in the OpenAPI document with operation ids', async () => {
    const res = await service.request('GET', '/api/v1/openapi.json');
    for (const [path, id] of [
      ['/api/v1/reports/summary', 'getReportSummary'],
      ['/api/v1/reports/follow-up', 'listFollowUps'],
      ['/api/v1/audit-events.csv', 'exportAuditEventsCsv'],
    ] as const) {
      expect(res.body.paths[path].get.operationId).toBe(id);
    }
  });
});
