// GET /api/v1/accounts/counts (status chips, one grouped query) and export.csv with accountIds, on
// SQLite and PostgreSQL: organization scope and sub-organizations, text search, 404 outside the subtree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCounts } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';

const zero = { not_invited: 0, invited: 0, invitation_failed: 0, activated: 0, suspended: 0 };

describe.each(serviceBackends())('account counts on $name', (backend) => {
  let service: TestService;
  let token: string;
  let eastToken: string;
  let root: string;
  let east: string;
  let eastSub: string;
  const ids: Record<string, string> = {};

  async function counts(query: Record<string, string>, as = token) {
    const res = await service.request('GET', '/api/v1/accounts/counts', { token: as, query });
    expect(res.status, res.text).toBe(200);
    return res.body as AccountCounts;
  }

  async function exported(query: Record<string, string>, as = token) {
    const res = await service.request('GET', '/api/v1/accounts/export.csv', { token: as, query });
    expect(res.status, res.text).toBe(200);
    return res.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
  }

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    root = service.rootOrganizationId;
    east = await createOrganization(service, token, 'East');
    eastSub = await createOrganization(service, token, 'East Harbour', east);
    await addNumbers(service, token, east, numbersFrom(10, 2));
    await addNumbers(service, token, eastSub, numbersFrom(20, 2));
    const make = async (key: string, organizationId: string, firstName: string, invite = false) => {
      ids[key] = (
        await createAccount(service, token, {
          organizationId,
          contact: `${key}@example.com`,
          firstName,
          lastName: 'Tester',
          invite,
        })
      ).id;
    };
    await make('zoe', root, 'Zoe');
    await make('amy', east, 'Amy', true);
    await make('bob', east, 'Bob');
    await make('ben', east, 'Ben');
    await make('cat', eastSub, 'Cat', true);
    await make('cal', eastSub, 'Cal');
    // Statuses without an API of their own here (activation, delivery failure) are set directly.
    const setStatus = (key: string, status: 'activated' | 'invitation_failed' | 'suspended') =>
      service.db.updateTable('accounts').set({ status }).where('id', '=', ids[key]!).execute();
    await setStatus('zoe', 'activated');
    await setStatus('bob', 'suspended');
    await setStatus('cal', 'invitation_failed');

    const created = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: east,
        email: 'east-counts@example.com',
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
    eastToken = await service.login(
      'east-counts@example.com',
      /Temporary password: (\S+)/.exec(message.body)?.[1],
    );
  });
  afterAll(() => service?.close());

  it('counts every status of the whole scope, zeros included', async () => {
    expect(await counts({})).toEqual({
      total: 6,
      byStatus: {
        ...zero,
        activated: 1,
        invited: 2,
        not_invited: 1,
        suspended: 1,
        invitation_failed: 1,
      },
    });
  });

  it('counts one organization, or with its sub-organizations', async () => {
    expect(await counts({ organizationId: east })).toEqual({
      total: 3,
      byStatus: { ...zero, invited: 1, not_invited: 1, suspended: 1 },
    });
    expect(await counts({ organizationId: east, includeSubOrganizations: 'true' })).toEqual({
      total: 5,
      byStatus: { ...zero, invited: 2, not_invited: 1, suspended: 1, invitation_failed: 1 },
    });
    expect(await counts({ organizationId: eastSub })).toEqual({
      total: 2,
      byStatus: { ...zero, invited: 1, invitation_failed: 1 },
    });
  });

  it('agrees with the list for a text search', async () => {
    const found = await counts({ q: 'b', organizationId: east, includeSubOrganizations: 'true' });
    expect(found).toEqual({ total: 2, byStatus: { ...zero, not_invited: 1, suspended: 1 } });
    const list = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { q: 'b', organizationId: east, includeSubOrganizations: 'true' },
    });
    expect(list.body.total).toBe(found.total);
    expect(await counts({ q: 'nobody-here' })).toEqual({ total: 0, byStatus: zero });
  });

  it('keeps a sub-organization administrator inside their subtree', async () => {
    expect((await counts({}, eastToken)).total).toBe(5);
    const outside = await service.request('GET', '/api/v1/accounts/counts', {
      token: eastToken,
      query: { organizationId: root },
    });
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    const unknown = await service.request('GET', '/api/v1/accounts/counts', {
      token,
      query: { organizationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses anonymous callers and is described in the OpenAPI document', async () => {
    expect((await service.request('GET', '/api/v1/accounts/counts')).status).toBe(401);
    const openapi = await service.request('GET', '/api/v1/openapi.json');
    const paths = Object.keys(openapi.body.paths as object);
    expect(paths.some((p) => p.endsWith('/accounts/counts'))).toBe(true);
  });

  it('exports only the selected accounts, in the list order', async () => {
    expect(await exported({ accountIds: `${ids.cat},${ids.amy}` })).toEqual([
      'amy@example.com',
      'cat@example.com',
    ]);
    // Filters still apply on top of the selection.
    expect(await exported({ accountIds: `${ids.cat},${ids.amy}`, organizationId: east })).toEqual([
      'amy@example.com',
    ]);
  });

  it('never exports selected ids outside the scope', async () => {
    expect(await exported({ accountIds: `${ids.zoe},${ids.ben}` }, eastToken)).toEqual([
      'ben@example.com',
    ]);
    expect(await exported({ accountIds: ids.zoe! }, eastToken)).toEqual([]);
  });

  it('refuses more than 500 ids or an empty selection', async () => {
    const many = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const accountIds of [many.join(','), '']) {
      const res = await service.request('GET', '/api/v1/accounts/export.csv', {
        token,
        query: { accountIds },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
