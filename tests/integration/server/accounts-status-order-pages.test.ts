// GET /api/v1/accounts in status order (the default, or status:asc/desc) on SQLite and PostgreSQL:
// a page is found per status from the kept counts, walked from the nearer end of its status — the
// pages, read one after another at any size and in either direction, are still the whole ordered list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStatusOrder, type Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount, createOrganization } from './accounts-helpers';

describe.each(serviceBackends())('accounts in status order, page by page, on $name', (backend) => {
  let service: TestService;
  let token: string;
  let east: string;

  async function list(query: Record<string, string>) {
    const res = await service.request('GET', '/api/v1/accounts', { token, query });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: Account[]; total: number };
  }

  /** Every page of `pageSize` in turn, concatenated. */
  async function pageByPage(query: Record<string, string>, pageSize: number) {
    const seen: Account[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await list({ ...query, page: String(page), pageSize: String(pageSize) });
      seen.push(...answer.items);
      if (answer.items.length < pageSize) return { seen, total: answer.total };
    }
  }

  /** The order the grid promises: status rank, then last name, first name and id. */
  function ordered(accounts: Account[], direction: 'asc' | 'desc'): string[] {
    const key = (a: Account) =>
      [String(defaultStatusOrder.indexOf(a.status)), a.lastName, a.firstName, a.id].join('\u0000');
    const ids = [...accounts]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map((a) => a.id);
    return direction === 'asc' ? ids : ids.reverse();
  }

  const names = [
    'Hale',
    'Baker',
    'Cole',
    'Ames',
    'Drew',
    'Frost',
    'Gray',
    'Ives',
    'Eaton',
    'Jones',
  ];
  const statusOf = ['activated', 'invited', 'not_invited', 'activated', 'suspended'] as const;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    east = await createOrganization(service, token, 'East');
    for (const [i, lastName] of names.entries()) {
      const account = await createAccount(service, token, {
        organizationId: i % 3 === 0 ? service.rootOrganizationId : east,
        contact: `${lastName.toLowerCase()}@example.com`,
        firstName: i % 2 === 0 ? 'Ann' : 'Bea',
        lastName,
      });
      // Statuses set directly: activation and suspension have their own tests.
      await service.db
        .updateTable('accounts')
        .set({ status: statusOf[i % statusOf.length]! })
        .where('id', '=', account.id)
        .execute();
    }
  });
  afterAll(() => service?.close());

  it('reads the whole list in order at every page size, both directions', async () => {
    const all = (await list({ pageSize: '500' })).items;
    expect(all).toHaveLength(names.length);
    for (const direction of ['asc', 'desc'] as const)
      for (const pageSize of [1, 2, 3, 4, 7]) {
        const { seen, total } = await pageByPage({ sort: `status:${direction}` }, pageSize);
        expect(total).toBe(names.length);
        expect(seen.map((a) => a.id)).toEqual(ordered(all, direction));
      }
    const { seen } = await pageByPage({}, 3);
    expect(seen.map((a) => a.id)).toEqual(ordered(all, 'asc'));
  });

  it('pages a status filter and one organization the same way', async () => {
    const filtered = { status: 'activated,suspended', organizationId: east };
    const all = (await list({ ...filtered, pageSize: '500' })).items;
    expect(all.length).toBeGreaterThan(2);
    expect(all.every((a) => a.organizationId === east)).toBe(true);
    for (const pageSize of [1, 2]) {
      const { seen } = await pageByPage({ ...filtered, sort: 'status:desc' }, pageSize);
      expect(seen.map((a) => a.id)).toEqual(ordered(all, 'desc'));
    }
  });

  it('answers an empty page past the end', async () => {
    const past = await list({ page: '40', pageSize: '3' });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(names.length);
  });
});
