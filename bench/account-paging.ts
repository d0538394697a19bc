// The accounts grid must stay responsive with 100,000 accounts: a page, a search and a deep page
// at 100,000 accounts, each against the same request at 1,000 accounts (server-side paging).
import { medianMs, result, type BenchResult } from './measure';
import { seedAccounts, startBenchService } from './bench-service';

const requests = [
  ['first page, default sort', '/api/v1/accounts?page=1&pageSize=50'],
  ['search "5550"', '/api/v1/accounts?page=1&pageSize=50&q=5550'],
  ['sorted by last name', '/api/v1/accounts?page=1&pageSize=100&sort=lastName:asc'],
] as const;

async function measureAt(count: number): Promise<number[]> {
  const bench = await startBenchService();
  try {
    await seedAccounts(bench, count);
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

export async function accountPagingBench(): Promise<BenchResult[]> {
  const small = await measureAt(1_000);
  const large = await measureAt(100_000);
  return requests.map(([label], i) =>
    result(
      `accounts grid at 100k vs 1k accounts: ${label}`,
      'ms',
      small[i] ?? 0,
      large[i] ?? 0,
      'How much slower one grid page is with 100x the accounts (SQLite); under ~20x keeps the grid responsive.',
    ),
  );
}
