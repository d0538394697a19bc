// The accounts per organization and status the database keeps (migration 007) always equal a
// recount, whatever changed the accounts: creation, import, invitation, suspension, move, delete.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { openImport, person, sendChunk } from './imports-helpers';

describe.each(serviceBackends())('stored account counts on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
  });
  afterAll(() => service.close());

  async function storedAndRecounted() {
    const stored = await sql<{ organization_id: string; status: string; n: number }>`
      select organization_id, status, account_count as n from account_counts
      where account_count <> 0 order by organization_id, status`.execute(service.db);
    const recounted = await sql<{ organization_id: string; status: string; n: number }>`
      select organization_id, status, count(*) as n from accounts
      group by organization_id, status order by organization_id, status`.execute(service.db);
    const plain = (rows: { organization_id: string; status: string; n: number }[]) =>
      rows.map((row) => ({ ...row, n: Number(row.n) }));
    return { stored: plain(stored.rows), recounted: plain(recounted.rows) };
  }

  it('follow every change of the accounts, and answer the totals and status counts', async () => {
    const from = await createOrganization(service, token, 'Counted From');
    const to = await createOrganization(service, token, 'Counted To');
    await addNumbers(service, token, from, numbersFrom(7100, 5));
    const a = await createAccount(service, token, {
      organizationId: from,
      contact: 'c.a@example.com',
    });
    const b = await createAccount(service, token, {
      organizationId: from,
      contact: 'c.b@example.com',
    });
    const c = await createAccount(service, token, {
      organizationId: from,
      contact: 'c.c@example.com',
    });
    const job = await openImport(service, token, { organizationId: from, rowCount: 3 });
    const imported = await sendChunk(service, token, job.id, 0, [
      person(2, 'c.d@example.com'),
      person(3, 'c.e@example.com'),
      person(4, 'c.a@example.com'),
    ]);
    expect(imported.status, imported.text).toBe(200);
    const post = (path: string, body: unknown) =>
      service.request('POST', `/api/v1/accounts/${path}`, { token, body });
    expect((await post('invite', { accountIds: [a.id, b.id] })).status).toBe(200);
    expect((await post('suspend', { accountIds: [b.id] })).status).toBe(200);
    expect((await post('move', { accountIds: [c.id], targetOrganizationId: to })).status).toBe(200);
    expect(
      (await post('delete', { accountIds: [a.id], numberDisposition: 'release' })).status,
    ).toBe(200);

    const { stored, recounted } = await storedAndRecounted();
    expect(stored).toEqual(recounted);

    const counts = await service.request('GET', '/api/v1/accounts/counts', {
      token,
      query: { organizationId: from },
    });
    expect(counts.body).toEqual({
      total: 3,
      byStatus: { not_invited: 2, invited: 0, invitation_failed: 0, activated: 0, suspended: 1 },
    });
    const page = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { organizationId: from, status: 'not_invited', pageSize: '1' },
    });
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    const whole = await service.request('GET', '/api/v1/accounts', { token });
    expect(whole.body.total).toBe(4);
  });
});
