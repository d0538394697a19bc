// /api/v1/numbers on SQLite and PostgreSQL: pool listing and filters, adding (409 NUMBER_EXISTS),
// state and tag changes, allocation to a sub-organization and withdrawal, concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  capacityOf,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('numbers on $name', (backend) => {
  let service: TestService;
  let token: string;
  let root: string;
  let child: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    root = service.rootOrganizationId;
    child = await createOrganization(service, token, 'Numbers Child');
  });
  afterAll(() => service?.close());

  it('adds numbers as Available and lists them with filters', async () => {
    await addNumbers(service, token, root, numbersFrom(100, 3));
    const res = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { organizationId: root, state: 'available' },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      numbersFrom(100, 3).map((number) => ({
        number,
        organizationId: root,
        state: 'available',
        tag: null,
        accountId: null,
      })),
    );
    expect(res.body.total).toBe(3);

    const search = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { q: '(202) 555-0101' },
    });
    expect(search.body.items.map((n: { number: string }) => n.number)).toEqual(['+12025550101']);

    const reserved = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { state: 'reserved,assigned' },
    });
    expect(reserved.body.total).toBe(0);
  });

  it('refuses a number already in a pool with 409 NUMBER_EXISTS and adds nothing', async () => {
    const res = await service.request('POST', '/api/v1/numbers', {
      token,
      body: { organizationId: child, numbers: ['+12025550190', '+12025550100'] },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NUMBER_EXISTS');
    expect(res.body.error.details.numbers).toEqual(['+12025550100']);
    expect(await numberState(service, '+12025550190')).toBeUndefined();
  });

  it('refuses numbers that are not valid E.164 with 422', async () => {
    const res = await service.request('POST', '/api/v1/numbers', {
      token,
      body: { organizationId: root, numbers: ['2025550143'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('reserves with a tag and releases a number', async () => {
    const reserve = await service.request('PATCH', '/api/v1/numbers/+12025550102', {
      token,
      body: { state: 'reserved', tag: 'PORTED' },
    });
    expect(reserve.status, reserve.text).toBe(200);
    expect(reserve.body).toMatchObject({ state: 'reserved', tag: 'PORTED' });
    const byTag = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { q: 'ported' },
    });
    expect(byTag.body.items.map((n: { number: string }) => n.number)).toEqual(['+12025550102']);
    const release = await service.request('PATCH', '/api/v1/numbers/%2B12025550102', {
      token,
      body: { state: 'available' },
    });
    expect(release.body).toMatchObject({ state: 'available', tag: null });
  });

  it('allocates Available numbers to a sub-organization and withdraws them', async () => {
    const before = await capacityOf(service, token, child);
    const allocate = await service.request('PATCH', '/api/v1/numbers/+12025550101', {
      token,
      body: { organizationId: child },
    });
    expect(allocate.status, allocate.text).toBe(200);
    expect(allocate.body.organizationId).toBe(child);
    expect(await capacityOf(service, token, child)).toBe(before + 1);
    const inChild = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { organizationId: child },
    });
    expect(inChild.body.items.map((n: { number: string }) => n.number)).toEqual(['+12025550101']);
    const withRoot = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { organizationId: root, includeSubOrganizations: 'true', pageSize: '500' },
    });
    expect(withRoot.body.items.map((n: { number: string }) => n.number)).toContain('+12025550101');

    const withdraw = await service.request('PATCH', '/api/v1/numbers/+12025550101', {
      token,
      body: { organizationId: root },
    });
    expect(withdraw.status, withdraw.text).toBe(200);
    expect((await numberState(service, '+12025550101'))?.organization_id).toBe(root);
  });

  it('moves only Available numbers and never to an unrelated organization', async () => {
    await service.request('PATCH', '/api/v1/numbers/+12025550100', {
      token,
      body: { state: 'reserved', tag: 'RE-INVITE' },
    });
    const reservedMove = await service.request('PATCH', '/api/v1/numbers/+12025550100', {
      token,
      body: { organizationId: child },
    });
    expect(reservedMove.status).toBe(409);
    expect(reservedMove.body.error.code).toBe('NUMBER_UNAVAILABLE');

    const assigned = numbersFrom(200, 1)[0]!;
    await addNumbers(service, token, root, [assigned]);
    const holder = await createAccount(service, token, {
      organizationId: root,
      contact: 'assigned-number@example.com',
      firstName: 'Hana',
      lastName: 'Holder',
      number: assigned,
    });
    // The list names the account holding a number, so screens never show a bare id.
    const listed = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { q: assigned },
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        number: assigned,
        accountId: holder.id,
        accountName: 'Hana Holder',
        accountContact: 'assigned-number@example.com',
      }),
    ]);
    const assignedMove = await service.request('PATCH', `/api/v1/numbers/${assigned}`, {
      token,
      body: { organizationId: child },
    });
    expect(assignedMove.status).toBe(409);
    const assignedState = await service.request('PATCH', `/api/v1/numbers/${assigned}`, {
      token,
      body: { state: 'available' },
    });
    expect(assignedState.status).toBe(409);
    expect(assignedState.body.error.code).toBe('NUMBER_UNAVAILABLE');

    // Down the tree to any depth and back up are allowed; sideways to another branch is not.
    const grandchild = await createOrganization(service, token, 'Numbers Grandchild', child);
    const deep = await service.request('PATCH', '/api/v1/numbers/+12025550101', {
      token,
      body: { organizationId: grandchild },
    });
    expect(deep.status, deep.text).toBe(200);
    const cousin = await createOrganization(service, token, 'Numbers Cousin');
    const sideways = await service.request('PATCH', '/api/v1/numbers/+12025550101', {
      token,
      body: { organizationId: cousin },
    });
    expect(sideways.status).toBe(409);
    expect(sideways.body.error.code).toBe('CONFLICT');
    const back = await service.request('PATCH', '/api/v1/numbers/+12025550101', {
      token,
      body: { organizationId: root },
    });
    expect(back.status).toBe(200);
  });

  it('refuses to take away the numbers invited accounts are counting on', async () => {
    const org = await createOrganization(service, token, 'Tight Pool');
    const [only] = numbersFrom(300, 1);
    await addNumbers(service, token, org, [only!]);
    await createAccount(service, token, {
      organizationId: org,
      contact: 'waiting@example.com',
      invite: true,
    });
    expect(await capacityOf(service, token, org)).toBe(0);
    const reserve = await service.request('PATCH', `/api/v1/numbers/${only}`, {
      token,
      body: { state: 'reserved', tag: 'PORTED' },
    });
    expect(reserve.status).toBe(409);
    expect(reserve.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
    expect((await numberState(service, only!))?.state).toBe('available');
  });

  it('answers 404 for unknown numbers and organizations, 403 without the Numbers privilege', async () => {
    const unknown = await service.request('PATCH', '/api/v1/numbers/+12025559999', {
      token,
      body: { state: 'reserved' },
    });
    expect(unknown.status).toBe(404);
    const badOrg = await service.request('GET', '/api/v1/numbers', {
      token,
      query: { organizationId: 'nope' },
    });
    expect(badOrg.status).toBe(404);
    const anonymous = await service.request('GET', '/api/v1/numbers');
    expect(anonymous.status).toBe(401);
  });

  it('records audit events for pool changes', async () => {
    const events = await service.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email'])
      .where('action', 'in', [
        'numbers.added',
        'number.updated',
        'number.allocated',
        'number.withdrawn',
      ])
      .execute();
    const actions = new Set(events.map((event) => event.action));
    expect(actions).toEqual(
      new Set(['numbers.added', 'number.updated', 'number.allocated', 'number.withdrawn']),
    );
    expect(events.every((event) => event.actor_email === service.admin.email)).toBe(true);
  });

  it('lets exactly one of two simultaneous allocations of a number through', async () => {
    const [contested] = numbersFrom(400, 1);
    await addNumbers(service, token, root, [contested!]);
    const sibling = await createOrganization(service, token, 'Numbers Sibling');
    const answers = await Promise.all(
      [child, sibling].map((organizationId) =>
        service.request('PATCH', `/api/v1/numbers/${contested}`, {
          token,
          body: { organizationId },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('adding the same number twice at once: one 201, one 409 NUMBER_EXISTS', async () => {
    const [contested] = numbersFrom(500, 1);
    const answers = await Promise.all(
      [root, child].map((organizationId) =>
        service.request('POST', '/api/v1/numbers', {
          token,
          body: { organizationId, numbers: [contested] },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('NUMBER_EXISTS');
  });
});
