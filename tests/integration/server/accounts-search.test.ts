// The accounts list's search and default order run on columns the database derives (migration 003):
// they must answer exactly like the fields themselves, on SQLite and PostgreSQL, after every kind of write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount, createOrganization } from './accounts-helpers';

describe.each(serviceBackends())('accounts search columns on $name', (backend) => {
  let service: TestService;
  let token: string;
  let north: string;
  let northSub: string;
  let south: string;

  async function find(query: Record<string, string>) {
    const res = await service.request('GET', '/api/v1/accounts', { token, query });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: Account[]; total: number };
  }
  const names = async (query: Record<string, string>) =>
    (await find(query)).items.map((a) => `${a.firstName} ${a.lastName}`);

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    north = await createOrganization(service, token, 'North');
    northSub = await createOrganization(service, token, 'North Ridge', north);
    south = await createOrganization(service, token, 'South');
    await createAccount(service, token, {
      organizationId: north,
      contact: 'alice.walker@example.com',
      firstName: 'Alice',
      lastName: 'Walker',
    });
    await createAccount(service, token, {
      organizationId: northSub,
      contact: '+1 (202) 555-0143',
      firstName: 'Bruno',
      lastName: 'Marsh',
    });
  });
  afterAll(() => service?.close());

  it('finds digits inside a formatted or stored phone number, however q is punctuated', async () => {
    for (const q of ['(202) 555-01', '202.555.0143', '5550143', '+1202555', '555 0143']) {
      expect(await names({ q }), q).toEqual(['Bruno Marsh']);
    }
    expect(await names({ q: '(202) 555-9' })).toEqual([]);
  });

  it('matches names case-insensitively, across first and last name but never across fields', async () => {
    expect(await names({ q: 'ALICE' })).toEqual(['Alice Walker']);
    expect(await names({ q: 'ce wAL' })).toEqual(['Alice Walker']);
    expect(await names({ q: 'MARSH' })).toEqual(['Bruno Marsh']);
    // "walker" ends the name and "alice" starts the username: no match spans the two.
    expect(await names({ q: 'walkeralice' })).toEqual([]);
    expect(await names({ q: 'walker alice' })).toEqual([]);
    // LIKE wildcards are literal.
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ q: 'a_ice' })).toEqual([]);
  });

  it('searches a subtree and a single organization', async () => {
    expect(await names({ q: 'r', organizationId: north })).toEqual(['Alice Walker']);
    expect(await names({ q: 'r', organizationId: north, includeSubOrganizations: 'true' })).toEqual(
      ['Bruno Marsh', 'Alice Walker'],
    );
  });

  it('follows an edit: the new name and contact are found, the old ones no longer', async () => {
    const account = await createAccount(service, token, {
      organizationId: south,
      contact: 'carol@example.com',
      firstName: 'Carol',
      lastName: 'Oldname',
    });
    const res = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token,
      body: { lastName: 'Newname', contact: '+44 20 7946 0321' },
    });
    expect(res.status, res.text).toBe(200);
    expect(await names({ q: 'oldname' })).toEqual([]);
    expect(await names({ q: 'NEWNAME' })).toEqual(['Carol Newname']);
    expect(await names({ q: '20 7946 03' })).toEqual(['Carol Newname']);
  });

  it('follows a move into another organization', async () => {
    const account = await createAccount(service, token, {
      organizationId: south,
      contact: 'dora.mover@example.com',
      firstName: 'Dora',
      lastName: 'Mover',
    });
    const moved = await service.request('POST', '/api/v1/accounts/move', {
      token,
      body: { accountIds: [account.id], targetOrganizationId: north },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(await names({ q: 'mover', organizationId: south })).toEqual([]);
    expect(await names({ q: 'mover', organizationId: north })).toEqual(['Dora Mover']);
  });

  it('follows activation (status and personal phone written straight to the row) in search and order', async () => {
    const account = await createAccount(service, token, {
      organizationId: south,
      contact: 'erin@example.com',
      firstName: 'Erin',
      lastName: 'Active',
    });
    const before = await find({ organizationId: south });
    expect(before.items.at(-1)?.id).not.toBe(undefined);
    // Every write path ends in an UPDATE of the row; the derived columns must follow any of them.
    await service.db
      .updateTable('accounts')
      .set({ status: 'activated', personal_phone: '+14155550199', activated_at: '2026-01-01' })
      .where('id', '=', account.id)
      .execute();
    const after = await find({ organizationId: south });
    expect(after.items[0]?.id).toBe(account.id);
    expect(after.items[0]?.status).toBe('activated');
    expect(await names({ q: '(415) 555-0199' })).toEqual(['Erin Active']);
    expect((await find({ organizationId: south, sort: 'status:desc' })).items.at(-1)?.id).toBe(
      account.id,
    );
    await service.db
      .updateTable('accounts')
      .set({ status: 'suspended' })
      .where('id', '=', account.id)
      .execute();
    expect((await find({ organizationId: south })).items.at(-1)?.id).toBe(account.id);
  });
});
