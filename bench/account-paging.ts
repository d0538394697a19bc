// The accounts grid must stay responsive with 100,000 accounts: a page, a search and a deep page
// at 100,000 accounts, each against the same request at 1,000 accounts (server-side paging).
// SQLite always; PostgreSQL too when DATABASE_URL is set (a fresh database, dropped afterwards).
import { sql } from 'kysely';
import pg from 'pg';
import { medianMs, result, type BenchResult } from './measure';
import { seedAccounts, startBenchService, type BenchService } from './bench-service';

const requests = [
  ['first page, default sort', '/api/v1/accounts?page=1&pageSize=50'],
  ['search "5550"', '/api/v1/accounts?page=1&pageSize=50&q=5550'],
  ['sorted by last name', '/api/v1/accounts?page=1&pageSize=100&sort=lastName:asc'],
] as const;

type Backend = 'SQLite' | 'PostgreSQL';

/** Runs `sql` on the server of DATABASE_URL (CREATE/DROP DATABASE). */
async function onServer(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** startBenchService on a fresh PostgreSQL database of DATABASE_URL's server, dropped on close. */
async function startPostgresBench(baseUrl: string): Promise<BenchService> {
  const name = `linedesk_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return startBenchService({
    databaseUrl: url.toString(),
    afterClose: () => onServer(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  });
}

async function measureAt(backend: Backend, count: number): Promise<number[]> {
  const baseUrl = process.env.DATABASE_URL;
  const bench =
    backend === 'PostgreSQL' && baseUrl
      ? await startPostgresBench(baseUrl)
      : await startBenchService();
  try {
    await seedAccounts(bench, count);
    // What autovacuum does after a bulk change; without it the planner guesses row counts.
    if (backend === 'PostgreSQL') await sql`analyze accounts`.execute(bench.service.deps.db);
    const times: number[] = [];
    for (const [, url] of requests) {
      const probe = await bench.request('GET', url);
      if (probe.status !== 200) throw new Error(`GET ${url} answered ${probe.status}`);
      times.push(await medianMs(() => bench.request('GET', url), 11, 2));
    }
    return times;
  } finally {
    await bench.close();
  }
}

async function benchBackend(backend: Backend): Promise<BenchResult[]> {
  const small = await measureAt(backend, 1_000);
  const large = await measureAt(backend, 100_000);
  return requests.map(([label], i) =>
    result(
      `accounts grid at 100k vs 1k accounts${backend === 'SQLite' ? '' : ` (${backend})`}: ${label}`,
      'ms',
      small[i] ?? 0,
      large[i] ?? 0,
      `How much slower one grid page is with 100x the accounts (${backend}); under ~20x keeps the grid responsive.`,
    ),
  );
}

export async function accountPagingBench(): Promise<BenchResult[]> {
  const results = await benchBackend('SQLite');
  if (process.env.DATABASE_URL) results.push(...(await benchBackend('PostgreSQL')));
  return results;
}
