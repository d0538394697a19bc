// GET /reports/summary at size (full: 1,000,000 accounts with their invitation history; quick:
// 20,000): the whole company over the default 30 days and over a year — p50/p95 through HTTP —
// from the daily counts the database keeps, and over 30 days of a half-hour time zone, which
// counts the rows through their indexes instead: the two ways the summary can be answered.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedManyAccounts } from '../server/demo/seed-accounts';
import {
  hasInvitationHistory,
  seedInvitationHistory,
} from '../server/demo/seed-invitation-history';
import { figure, type BenchContext, type BenchFigure, type BenchModule } from './bench-module';
import { startBenchService, type BenchService } from './bench-service';
import { percentile, samplesMs } from './measure';

/** The full run's SQLite million with its invitation history, seeded once and kept (minutes to seed). */
const millionFolder = path.join(tmpdir(), 'linedesk-bench-1m-reports-sqlite');

/** A service on `count` seeded accounts with their invitations and messages. */
async function seededService(
  backend: 'sqlite' | 'postgres',
  count: number,
  context: BenchContext,
): Promise<BenchService> {
  const seededUrl = process.env.LINEDESK_BENCH_PG_SEEDED_URL;
  const keep = backend === 'sqlite' && count >= 1_000_000;
  if (keep && existsSync(path.join(millionFolder, 'seeded'))) {
    return startBenchService({ dataDir: millionFolder });
  }
  if (backend === 'postgres' && seededUrl && count >= 1_000_000) {
    // The accounts list's million (npm run seed) is shared: its invitations are added once.
    const reused = await startBenchService({ databaseUrl: seededUrl });
    if (!(await hasInvitationHistory(reused.service.deps.db)))
      await seedInvitationHistory(reused.service.deps.db);
    return reused;
  }
  if (keep) rmSync(millionFolder, { recursive: true, force: true });
  const bench = await startBenchService(
    backend === 'postgres'
      ? { postgresServerUrl: context.postgresUrl }
      : keep
        ? { dataDir: millionFolder, keepDataDir: true }
        : {},
  );
  await seedManyAccounts(bench.service.deps, count);
  await seedInvitationHistory(bench.service.deps.db);
  if (keep) writeFileSync(path.join(millionFolder, 'seeded'), `${count}\n`);
  return bench;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The summaries a lead asks for: [label, url]. */
function requests(now: number): [string, string][] {
  const summary = '/api/v1/reports/summary?timeZone=Europe%2FLondon';
  return [
    ['30 days', summary],
    ['a year', `${summary}&from=${isoDay(now - 365 * 86_400_000)}&to=${isoDay(now)}`],
    // India's days start at 18:30 UTC: report_counts' hours cannot be split, the rows are counted.
    ['30 days from the rows', '/api/v1/reports/summary?timeZone=Asia%2FKolkata'],
  ];
}

async function measure(backend: 'sqlite' | 'postgres', context: BenchContext) {
  const count = context.quick ? 20_000 : 1_000_000;
  const bench = await seededService(backend, count, context);
  try {
    const rows: { label: string; p50: number; p95: number }[] = [];
    for (const [label, url] of requests(Date.now())) {
      const samples = await samplesMs(
        async () => {
          const res = await bench.request('GET', url);
          if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
        },
        Number(process.env.LINEDESK_BENCH_TRIES ?? (context.quick ? 5 : 20)),
        2,
        20_000,
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
  const name = backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const size = `${measured.count.toLocaleString('en')} accounts`;
  const [month, year, rows] = measured.rows;
  return [
    figure(
      `reports.${backend}.summaryP95Ms`,
      month?.p95 ?? 0,
      'ms',
      `${name}, ${size}: GET /reports/summary of the whole company over 30 days, p95 (target ≤ 200 ms on PostgreSQL at 1,000,000); median ${month?.p50.toFixed(0)} ms.`,
    ),
    figure(
      `reports.${backend}.summaryYearP95Ms`,
      year?.p95 ?? 0,
      'ms',
      `${name}, ${size}: the same summary over a year (366 days), p95; median ${year?.p50.toFixed(0)} ms.`,
    ),
    figure(
      `reports.${backend}.summaryFromRowsP95Ms`,
      rows?.p95 ?? 0,
      'ms',
      `${name}, ${size}: the 30-day summary counted from the rows through their indexes (Asia/Kolkata, whose days start off the hour), the alternative to the kept counts, p95; median ${rows?.p50.toFixed(0)} ms.`,
    ),
  ];
}

export const reportSummaryBench: BenchModule = {
  name: 'reports',
  async run(context) {
    const figures = figuresOf('sqlite', await measure('sqlite', context));
    // A PostgreSQL million seeded earlier (LINEDESK_BENCH_PG_SEEDED_URL) is measured without the bench cluster.
    if (context.postgresUrl || (process.env.LINEDESK_BENCH_PG_SEEDED_URL && !context.quick))
      figures.push(...figuresOf('postgres', await measure('postgres', context)));
    return figures;
  },
};
