// `npm run seed -- --accounts N` on SQLite and PostgreSQL: the demo company grown to N more
// accounts in every status, activated ones holding registered numbers, the indexes and triggers
// put back after the bulk load, and the stored counts equal to a recount.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedManyAccounts } from '../../../server/demo/seed-accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('seeding many accounts on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  async function definitions(): Promise<string[]> {
    const rows =
      backend.name === 'postgres'
        ? await sql<{ name: string }>`
            select indexname as name from pg_indexes where tablename = 'accounts'
            union all select tgname from pg_trigger
              where tgrelid = 'accounts'::regclass and not tgisinternal`.execute(service.db)
        : await sql<{ name: string }>`
            select name from sqlite_master where tbl_name = 'accounts'
              and type in ('index', 'trigger')`.execute(service.db);
    return rows.rows.map((row) => row.name).sort();
  }

  it('fills every status, keeps indexes, triggers and counts', async () => {
    const before = await definitions();
    expect(await seedManyAccounts(service.deps, 1_000)).toBe(true);
    expect(await seedManyAccounts(service.deps, 10)).toBe(false);
    expect(await definitions()).toEqual(before);

    const counts = await service.request('GET', '/api/v1/accounts/counts', { token });
    expect(counts.body.total).toBeGreaterThan(1_000);
    for (const count of Object.values(counts.body.byStatus as Record<string, number>))
      expect(count).toBeGreaterThan(0);
    const recount = await service.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(counts.body.total).toBe(Number(recount.n));
    // The search (its index rebuilt after the load on SQLite) finds the seeded accounts too.
    const last = await service.db
      .selectFrom('accounts')
      .select(['id', 'contact'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const searched = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { q: last.contact },
    });
    expect(searched.body.items.map((a: { id: string }) => a.id)).toContain(last.id);

    const activatedWithout = await service.db
      .selectFrom('accounts')
      .leftJoin('numbers', 'numbers.account_id', 'accounts.id')
      .select('accounts.id')
      .where('accounts.status', '=', 'activated')
      .where((eb) =>
        eb.or([eb('numbers.state', 'is', null), eb('numbers.state', '!=', 'registered')]),
      )
      .execute();
    expect(activatedWithout).toEqual([]);
    const organizations = await service.request('GET', '/api/v1/organizations', { token });
    expect(organizations.body.total).toBeGreaterThan(10);
  });
});
