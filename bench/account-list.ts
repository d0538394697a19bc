// The accounts grid's requests at size (quick: 20,000 accounts; full: 100,000, or the seeded
// million of LINEDESK_BENCH_SQLITE_DIR / LINEDESK_BENCH_POSTGRES_URL): first page, a deep page,
// every sort, a status filter, searches and the status counts — p50/p95 of each through HTTP.
import { sql } from 'kysely';
import { figure, type BenchContext, type BenchFigure, type BenchModule } from './bench-module';
import { seedAccounts, startBenchService } from './bench-service';
import { percentile, samplesMs } from './measure';

const sorts = [
  'status',
  'firstName',
  'lastName',
  'contact',
  'username',
  'number',
  'organizationId',
  'linesAllowed',
  'invitedAt',
  'activatedAt',
  'createdAt',
  'updatedAt',
];

/** The grid's requests at `count` accounts: [label, url]. */
function requests(count: number): [string, string][] {
  const list = '/api/v1/accounts?pageSize=50';
  const deep = Math.max(2, Math.floor(count / 50 / 2));
  return [
    ['first page', `${list}&page=1`],
    [`page ${deep}`, `${list}&page=${deep}`],
    ...sorts.flatMap((field): [string, string][] => [
      [`sort ${field} asc`, `${list}&page=1&sort=${field}:asc`],
      [`sort ${field} desc`, `${list}&page=1&sort=${field}:desc`],
    ]),
    ['status invited', `${list}&page=1&status=invited`],
    ['status suspended, page 20', `${list}&page=20&status=suspended`],
    ['search a name', `${list}&page=1&q=First1234`],
    ['search an email fragment', `${list}&page=1&q=r77%40exam`],
    ['search phone digits', `${list}&page=1&q=5550177`],
    ['counts', '/api/v1/accounts/counts'],
    ['counts of a search', '/api/v1/accounts/counts?q=First1234'],
  ];
}

async function measure(backend: 'sqlite' | 'postgres', context: BenchContext) {
  const count = context.quick ? 20_000 : 100_000;
  const bench = await startBenchService(
    backend === 'postgres' ? { postgresServerUrl: context.postgresUrl } : {},
  );
  try {
    await seedAccounts(bench, count);
    // What autovacuum does after a bulk change; without it the planner guesses row counts.
    if (backend === 'postgres') await sql`analyze`.execute(bench.service.deps.db);
    const rows: { label: string; p50: number; p95: number }[] = [];
    for (const [label, url] of requests(count)) {
      const samples = await samplesMs(
        async () => {
          const res = await bench.request('GET', url);
          if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
        },
        context.quick ? 5 : 20,
        1,
      );
      rows.push({ label, p50: percentile(samples, 50), p95: percentile(samples, 95) });
    }
    return { count, rows };
  } finally {
    await bench.close();
  }
}

function figuresOf(
  backend: 'sqlite' | 'postgres',
  measured: Awaited<ReturnType<typeof measure>>,
): BenchFigure[] {
  const worst = measured.rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const slowest = [...measured.rows]
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 4)
    .map((r) => `${r.label} ${r.p95.toFixed(0)} ms`)
    .join(', ');
  const name = backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const target = backend === 'sqlite' ? 100 : 50;
  return [
    figure(
      `list.${backend}.p50Ms`,
      Math.max(...measured.rows.map((r) => r.p50)),
      'ms',
      `${name}, ${measured.count.toLocaleString('en')} accounts: the slowest request's median.`,
    ),
    figure(
      `list.${backend}.p95Ms`,
      worst.p95,
      'ms',
      `${name}, ${measured.count.toLocaleString('en')} accounts: the slowest request's p95 (target ≤ ${target} ms at 1,000,000). Slowest: ${slowest}.`,
    ),
  ];
}

export const accountListBench: BenchModule = {
  name: 'accounts list',
  async run(context) {
    const figures = figuresOf('sqlite', await measure('sqlite', context));
    if (context.postgresUrl)
      figures.push(...figuresOf('postgres', await measure('postgres', context)));
    return figures;
  },
};
