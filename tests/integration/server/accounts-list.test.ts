// GET /api/v1/accounts on SQLite and PostgreSQL: organization scope and sub-organizations, status
// filters, case-insensitive search incl. digits inside phone numbers, sorting and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';

describe.each(serviceBackends())('accounts list on $name', (backend) => {
  let service: TestService;
  let token: string;
  let root: string;
  let east: string;
  let eastSub: string;
  const ids: Record<string, string> = {};

  async function list(query: Record<string, string>) {
    const res = await service.request('GET', '/api/v1/accounts', { token, query });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: Account[]; total: number; page: number; pageSize: number };
  }
  const contacts = (page: { items: Account[] }) => page.items.map((a) => a.contact);

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    root = service.rootOrganizationId;
    east = await createOrganization(service, token, 'East');
    eastSub = await createOrganization(service, token, 'East Harbour', east);
    await addNumbers(service, token, east, numbersFrom(10, 5));
    await addNumbers(service, token, eastSub, numbersFrom(20, 2));
    const make = async (
      key: string,
      organizationId: string,
      contact: string,
      extra: Partial<Parameters<typeof createAccount>[2]> = {},
    ) => {
      ids[key] = (await createAccount(service, token, { organizationId, contact, ...extra })).id;
    };
    await make('zoe', root, 'zoe.zimmer@example.com', { firstName: 'Zoë', lastName: 'Zimmer' });
    await make('amy', east, 'amy@example.com', {
      firstName: 'Amy',
      lastName: 'Adams',
      invite: true,
    });
    await make('bob', east, '+1 202 555 0177', {
      firstName: 'Bob',
      lastName: 'Brown',
      number: numbersFrom(10, 1)[0]!,
    });
    await make('cat', eastSub, 'cat@example.com', {
      firstName: 'Cat',
      lastName: 'Stevens',
      invite: true,
    });
    await make('dan', east, 'dan_100%@example.com', { firstName: 'Dan', lastName: 'Dare' });
    // Statuses set directly where no API exists yet (activation, delivery failure belong to others).
    await service.db
      .updateTable('accounts')
      .set({ status: 'activated', activated_at: new Date().toISOString() })
      .where('id', '=', ids.zoe!)
      .execute();
    await service.db
      .updateTable('accounts')
      .set({ status: 'invitation_failed' })
      .where('id', '=', ids.cat!)
      .execute();
    await service.request('POST', '/api/v1/accounts/suspend', {
      token,
      body: { accountIds: [ids.dan] },
    });
  });
  afterAll(() => service?.close());

  it('defaults to the whole subtree in Activated > Invitation Failed > Invited > Not Invited order', async () => {
    const page = await list({});
    expect(page.total).toBe(5);
    expect(page.items.map((a) => a.status)).toEqual([
      'activated',
      'invitation_failed',
      'invited',
      'not_invited',
      'suspended',
    ]);
  });

  it('filters by organization, with or without sub-organizations', async () => {
    expect(contacts(await list({ organizationId: east, sort: 'contact:asc' }))).toEqual([
      '+12025550177',
      'amy@example.com',
      'dan_100%@example.com',
    ]);
    const withSubs = await list({ organizationId: east, includeSubOrganizations: 'true' });
    expect(withSubs.total).toBe(4);
    expect(contacts(await list({ organizationId: eastSub }))).toEqual(['cat@example.com']);
    const outside = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { organizationId: 'nowhere' },
    });
    expect(outside.status).toBe(404);
  });

  it('filters by a comma list of statuses', async () => {
    const page = await list({ status: 'invited,invitation_failed' });
    expect(page.items.map((a) => a.id).sort()).toEqual([ids.amy, ids.cat].sort());
    const bad = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { status: 'gone' },
    });
    expect(bad.status).toBe(422);
  });

  it('searches names, username, contact and number case-insensitively; digits match inside numbers', async () => {
    expect(contacts(await list({ q: 'ZIMMER' }))).toEqual(['zoe.zimmer@example.com']);
    expect(contacts(await list({ q: 'amy adams' }))).toEqual(['amy@example.com']);
    expect(contacts(await list({ q: 'Zoë' }))).toEqual(['zoe.zimmer@example.com']);
    expect(contacts(await list({ q: '(202) 555-0177' }))).toEqual(['+12025550177']);
    expect(contacts(await list({ q: '5550010' }))).toEqual(['+12025550177']);
    expect(contacts(await list({ q: '100%' }))).toEqual(['dan_100%@example.com']);
    expect((await list({ q: '_' })).total).toBe(1);
    expect((await list({ q: 'nobody-here' })).total).toBe(0);
  });

  it('sorts by a field in either direction and pages', async () => {
    const asc = await list({ sort: 'lastName:asc' });
    expect(asc.items.map((a) => a.lastName)).toEqual([
      'Adams',
      'Brown',
      'Dare',
      'Stevens',
      'Zimmer',
    ]);
    const desc = await list({ sort: 'lastName:desc', page: '2', pageSize: '2' });
    expect(desc).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(desc.items.map((a) => a.lastName)).toEqual(['Dare', 'Brown']);
    const statusDesc = await list({ sort: 'status:desc' });
    expect(statusDesc.items[0]?.status).toBe('suspended');
    const byNumber = await list({ sort: 'number:asc' });
    expect(byNumber.items[0]?.number).toBe(numbersFrom(10, 1)[0]);
    const bad = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { sort: 'password:asc' },
    });
    expect(bad.status).toBe(422);
    const tooBig = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { pageSize: '501' },
    });
    expect(tooBig.status).toBe(422);
  });

  it('shows a sub-organization administrator only their subtree', async () => {
    const created = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: east,
        email: 'east-admin@example.com',
        name: 'East Admin',
        privileges: ['accounts'],
      },
    });
    expect(created.status, created.text).toBe(201);
    const message = await service.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('administrator_id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const eastToken = await service.login(
      'east-admin@example.com',
      /Temporary password: (\S+)/.exec(message.body)?.[1],
    );
    const res = await service.request('GET', '/api/v1/accounts', { token: eastToken });
    expect(res.body.total).toBe(4);
    const zoe = await service.request('GET', `/api/v1/accounts/${ids.zoe}`, { token: eastToken });
    expect(zoe.status).toBe(404);
    const rootFilter = await service.request('GET', '/api/v1/accounts', {
      token: eastToken,
      query: { organizationId: root },
    });
    expect(rootFilter.status).toBe(404);
    const suspendZoe = await service.request('POST', '/api/v1/accounts/suspend', {
      token: eastToken,
      body: { accountIds: [ids.zoe] },
    });
    expect(suspendZoe.body.results).toEqual([
      {
        accountId: ids.zoe,
        ok: false,
        error: { code: 'NOT_FOUND', message: 'That account was not found.' },
      },
    ]);
  });
});
