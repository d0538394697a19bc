import { sql } from 'kysely';
import { seedAccounts, startBenchService } from './bench-service';
import { filteredAccounts, orderAccounts } from '../server/domain/accounts/list-accounts';
const bench = await startBenchService();
await seedAccounts(bench, 100_000);
const db = bench.service.deps.db as any;
const org = await db.selectFrom('organizations').selectAll().where('id', '=', bench.rootOrganizationId).executeTakeFirst();
const scope = { organizationId: org.id, path: org.path };
for (const query of [{}, { q: '5550' }, { q: '(202) 555' }, { sort: { field: 'lastName', direction: 'asc' } }] as any[]) {
  const f: any = await filteredAccounts(db, scope, query);
  const page = orderAccounts(f.value, query.sort).limit(50).offset(0);
  const count = f.value.clearSelect().select((eb: any) => eb.fn.countAll().as('total'));
  for (const qb of [page, count]) {
    const c = qb.compile();
    console.log(c.sql, JSON.stringify(c.parameters));
    const plan = await sql.raw('explain query plan ' + c.sql.replace(/\?/g, () => '?')).execute(db).catch(() => null);
    const rows = await db.executeQuery({ ...c, sql: 'explain query plan ' + c.sql, query: c.query });
    for (const r of rows.rows) console.log('   ', r.detail);
    const t = performance.now(); for (let i = 0; i < 5; i++) await db.executeQuery(c); console.log('    ms', ((performance.now() - t) / 5).toFixed(1));
  }
}
const r = await bench.request('GET', '/api/v1/accounts?page=1&pageSize=5&q=(202)%20555');
console.log(JSON.stringify(r.json()).slice(0, 400));
await bench.close();
