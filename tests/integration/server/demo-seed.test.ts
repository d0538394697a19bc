// The --demo seed on SQLite and PostgreSQL: a realistic tree, pools in every state, accounts in
// every status with outbox messages, consistent with the capacity rule; only on an empty database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/seed';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('demo seed on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  it('seeds an empty database once', async () => {
    expect(await seedDemo(service.deps)).toBe(true);
    expect(await seedDemo(service.deps)).toBe(false);
    const organizations = await service.request('GET', '/api/v1/organizations', { token });
    expect(organizations.body.total).toBe(4);
    expect(organizations.body.items.map((o: { name: string }) => o.name)).toContain(
      'Northwind Sales',
    );
    for (const organization of organizations.body.items as { capacity: number }[]) {
      expect(organization.capacity).toBeGreaterThanOrEqual(0);
    }
  });

  it('has numbers in all four states with PORTED and RE-INVITE tags', async () => {
    const numbers = await service.db.selectFrom('numbers').select(['state', 'tag']).execute();
    expect(new Set(numbers.map((n) => n.state))).toEqual(
      new Set(['available', 'reserved', 'assigned', 'registered']),
    );
    expect(new Set(numbers.map((n) => n.tag))).toEqual(new Set([null, 'PORTED', 'RE-INVITE']));
  });

  it('has a few hundred accounts across every status, each invitation in the outbox', async () => {
    const accounts = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { pageSize: '500' },
    });
    expect(accounts.body.total).toBeGreaterThanOrEqual(200);
    const statuses = new Set((accounts.body.items as { status: string }[]).map((a) => a.status));
    expect(statuses).toEqual(
      new Set(['activated', 'invited', 'not_invited', 'invitation_failed', 'suspended']),
    );
    const outbox = await service.request('GET', '/api/v1/outbox', {
      token,
      query: { pageSize: '500' },
    });
    expect(outbox.body.total).toBeGreaterThanOrEqual(150);
    const profiles = await service.db.selectFrom('permission_profiles').select('name').execute();
    expect(profiles.map((p) => p.name)).toContain('Sales Team');
  });
});
