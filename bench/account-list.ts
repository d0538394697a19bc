// The accounts grid's requests at size (quick: 20,000 accounts; full: 1,000,000, the SQLite one
// seeded once and kept in the temp folder): first page, a deep page, every sort, status filters,
// searches and the status counts — p50/p95 of each through HTTP.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accountSortFields } from '../common/api/accounts';
import { seedManyAccounts } from '../server/demo/seed-accounts';
import { figure, type BenchContext, type BenchFigure, type BenchModule } from './bench-module';
import { startBenchService, type BenchService } from './bench-service';
import { percentile, samplesMs } from './measure';

/** The grid's requests at `count` accounts: [label, url]. */
function requests(count: number): [string, string][] {
  const list = '/api/v1/accounts?pageSize=50';
  const deep = Math.max(2, Math.floor(count / 50 / 2));
  return [
    ['first page', `${list}&page=1`],
    [`page ${deep}`, `${list}&page=${deep}`],
    ...accountSortFields.flatMap((field): [string, string][] => [
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

/** Where the full run keeps its seeded SQLite million between runs (seeding takes minutes). */
const millionFolder = path.join(tmpdir(), 'linedesk-bench-1m-sqlite');

/** A service on a database holding `count` accounts, seeded by the `npm run seed` code. */
async function seededService(
  backend: 'sqlite' | 'postgres',
  count: number,
  context: BenchContext,
): Promise<BenchService> {
  const reuse =
    backend === 'sqlite'
      ? count >= 1_000_000 && existsSync(path.join(millionFolder, 'seeded'))
      : Boolean(process.env.LINEDESK_BENCH_PG_SEEDED_URL && count >= 1_000_000);
  if (reuse) {
    return startBenchService(
      backend === 'sqlite'
        ? { dataDir: millionFolder }
        : { databaseUrl: process.env.LINEDESK_BENCH_PG_SEEDED_URL },
    );
  }
  const keep = backend === 'sqlite' && count >= 1_000_000;
  if (keep) rmSync(millionFolder, { recursive: true, force: true });
  const bench = await startBenchService(
    backend === 'postgres'
      ? { postgresServerUrl: context.postgresUrl }
      : keep
        ? { dataDir: millionFolder, keepDataDir: true }
        : {},
  );
  await seedManyAccounts(bench.service.deps, count);
  if (keep) writeFileSync(path.join(millionFolder, 'seeded'), `${count}\n`);
  return bench;
}

async function measure(backend: 'sqlite' | 'postgres', context: BenchContext) {
  const count = context.quick ? 20_000 : 1_000_000;
  const bench = await seededService(backend, count, context);
  try {
    const rows: { label: string; p50: number; p95: number }[] = [];
    for (const [label, url] of requests(count)) {
      const samples = await samplesMs(
        async () => {
          const res = await bench.request('GET', url);
          if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
        },
        Number(process.env.LINEDESK_BENCH_TRIES ?? (context.quick ? 5 : 20)),
        1,
        10_000,
      );
      rows.push({ label, p50: percentile(samples, 50), p95: percentile(samples, 95) });
    }
    if (process.env.LINEDESK_BENCH_VERBOSE)
      for (const r of rows)
        console.log(`${backend} ${r.label}: p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)}`);
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
