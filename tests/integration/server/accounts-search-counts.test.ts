// A search's totals and status counts come from the search index's own keys on SQLite (migration
// 008): they must follow every write — an edit, a status change, a move, a delete — on both
// backends, and on SQLite survive a VACUUM (the index is keyed by an explicit INTEGER PRIMARY KEY).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountCounts } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount, createOrganization } from './accounts-helpers';

describe.each(serviceBackends())('accounts search counts on $name', (backend) => {
  let service: TestService;
  let token: string;
  let east: string;
  let west: string;
  const harlows: Account[] = [];

  async function list(query: Record<string, string>) {
    const res = await service.request('GET', '/api/v1/accounts', { token, query });
    expect(res.status, res.text).toBe(200);
    const body = res.body as { items: Account[]; total: number };
    return { total: body.total, names: body.items.map((a) => `${a.firstName} ${a.lastName}`) };
  }
  async function counts(query: Record<string, string>) {
    const res = await service.request('GET', '/api/v1/accounts/counts', { token, query });
    expect(res.status, res.text).toBe(200);
    return res.body as AccountCounts;
  }

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    east = await createOrganization(service, token, 'East');
    west = await createOrganization(service, token, 'West');
    for (const [firstName, contact] of [
      ['Quinn', 'quinn.harlow@example.com'],
      ['Rhea', 'rhea.harlow@example.com'],
      ['Sol', 'sol.harlow@example.com'],
    ] as const)
      harlows.push(
        await createAccount(service, token, {
          organizationId: east,
          firstName,
          lastName: 'Harlow',
          contact,
        }),
      );
    await createAccount(service, token, {
      organizationId: west,
      firstName: 'Tess',
      lastName: 'Other',
      contact: 'tess@example.com',
    });
  });
  afterAll(() => service?.close());

  it('counts a search per status and organization, following a status change and a move', async () => {
    expect(await counts({ q: 'harlow' })).toMatchObject({ total: 3, byStatus: { not_invited: 3 } });
    const suspended = await service.request('POST', '/api/v1/accounts/suspend', {
      token,
      body: { accountIds: [harlows[0]!.id] },
    });
    expect(suspended.status, suspended.text).toBe(200);
    expect(await counts({ q: 'HARLOW' })).toMatchObject({
      total: 3,
      byStatus: { not_invited: 2, suspended: 1 },
    });
    expect(await list({ q: 'harlow', status: 'suspended' })).toEqual({
      total: 1,
      names: ['Quinn Harlow'],
    });
    const moved = await service.request('POST', '/api/v1/accounts/move', {
      token,
      body: { accountIds: [harlows[1]!.id], targetOrganizationId: west },
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await counts({ q: 'harlow', organizationId: east })).total).toBe(2);
    expect(await list({ q: 'harlow', organizationId: west })).toEqual({
      total: 1,
      names: ['Rhea Harlow'],
    });
  });

  it('forgets an edited name and a deleted account in the list and its counts', async () => {
    const edited = await service.request('PATCH', `/api/v1/accounts/${harlows[2]!.id}`, {
      token,
      body: { lastName: 'Harper' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await list({ q: 'sol harlow' })).total).toBe(0);
    expect(await list({ q: 'sol harper' })).toEqual({ total: 1, names: ['Sol Harper'] });
    // The contact still holds "harlow".
    expect((await counts({ q: 'harlow' })).total).toBe(3);
    const deleted = await service.request('POST', '/api/v1/accounts/delete', {
      token,
      body: { accountIds: [harlows[0]!.id], numberDisposition: 'reserve' },
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect(await counts({ q: 'harlow' })).toMatchObject({
      total: 2,
      byStatus: { suspended: 0, not_invited: 2 },
    });
    expect((await list({ q: 'quinn' })).total).toBe(0);
  });

  it('keeps finding the same accounts after a VACUUM', async () => {
    if (backend.name !== 'sqlite') return;
    const before = await list({ q: 'example.com', sort: 'firstName:asc' });
    await sql`vacuum`.execute(service.db);
    expect(await list({ q: 'example.com', sort: 'firstName:asc' })).toEqual(before);
    // FTS5's own check: the index agrees with the accounts' texts it was built from.
    await sql`insert into account_search (account_search, rank) values ('integrity-check', 1)`.execute(
      service.db,
    );
  });
});
